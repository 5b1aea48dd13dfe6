package org.leadrouter.sandbox;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Makes large, realistic Spanish CRM data for benchmarks: names, e-mails, phones typed every which way. */
final class FixtureGenerator {

    private static final List<String> FIRST_NAMES = List.of("Juan", "María", "José", "Lucía", "Antonio", "Carmen",
            "Manuel", "Ana", "Francisco", "Isabel", "David", "Laura", "Javier", "Marta", "Daniel", "Cristina",
            "Carlos", "Paula", "Miguel", "Elena", "Alejandro", "Sara", "Rafael", "Pilar", "Pablo", "Nuria",
            "Sergio", "Raquel", "Fernando", "Rocío", "Jorge", "Begoña", "Álvaro", "Inés", "Íñigo", "Núria");
    private static final List<String> SURNAMES = List.of("García", "Rodríguez", "González", "Fernández", "López",
            "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
            "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez",
            "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Castro", "Ortiz", "Rubio", "Marín", "Sanz",
            "Iglesias", "Núñez", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano");
    private static final List<String> DOMAINS = List.of("gmail.com", "hotmail.com", "hotmail.es", "yahoo.es",
            "outlook.com", "telefonica.net", "icloud.com", "empresa.es");
    private static final List<String> COMPANIES = List.of("", "", "Reformas Levante SL", "Talleres Norte SA",
            "Clínica Dental Sonrisa", "Asesoría Pérez y Asociados", "Hostelería del Sur SL", "Inmobiliaria Centro",
            "Transportes Rápidos SA", "Frutas Hermanos Gil");
    private static final List<String> CITIES = List.of("Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza",
            "Málaga", "Murcia", "Bilbao", "Alicante", "Córdoba", "Valladolid", "A Coruña");
    private static final List<String> SOURCES = List.of("Web Site", "Cold Call", "Existing Customer",
            "Self Generated", "Partner", "Trade Show", "Facebook", "Google Ads", "Referido");
    private static final List<String> STATUSES = List.of("Not Contacted", "Attempted to Contact", "Contact in Future",
            "Contacted", "Pre Qualified", "Cold");

    private final Random random;
    private final List<String> owners;

    private FixtureGenerator(long seed, List<String> owners) {
        this.random = new Random(seed);
        this.owners = owners;
    }

    static SandboxFixture generate(SandboxFixture base, int leads, int contacts, long seed) {
        List<String> owners = base.users().stream()
                .filter(u -> "Active".equalsIgnoreCase(u.getOrDefault("status", "Active")))
                .filter(u -> !"on".equalsIgnoreCase(u.getOrDefault("is_admin", "off")))
                .map(u -> u.get("id"))
                .filter(id -> id != null && !id.isEmpty())
                .toList();
        FixtureGenerator g = new FixtureGenerator(seed, owners.isEmpty() ? List.of("19x1") : owners);
        SandboxFixture.Builder b = SandboxFixture.builder()
                .serverTimezone(base.serverTimezone()).clock(base.clock()).leftToRightWhere(base.leftToRightWhere());
        base.typeIds().forEach(b::typeId);
        base.users().forEach(b::user);
        base.groups().forEach(b::group);
        for (int i = 0; i < leads; i++) {
            b.lead(g.lead());
        }
        for (int i = 0; i < contacts; i++) {
            b.contact(g.contact());
        }
        return b.build();
    }

    private Map<String, String> lead() {
        Map<String, String> r = person();
        r.put("company", pick(COMPANIES));
        r.put("city", pick(CITIES));
        r.put("country", "España");
        r.put("leadstatus", pick(STATUSES));
        if (random.nextInt(3) == 0) {
            r.put("mobile", phone(true));
        }
        return r;
    }

    private Map<String, String> contact() {
        Map<String, String> r = person();
        if (random.nextInt(4) == 0) {
            r.put("homephone", phone(false));
        }
        return r;
    }

    private Map<String, String> person() {
        String first = pick(FIRST_NAMES);
        String last = pick(SURNAMES) + (random.nextBoolean() ? " " + pick(SURNAMES) : "");
        Map<String, String> r = new LinkedHashMap<>();
        r.put("firstname", first);
        r.put("lastname", last);
        if (random.nextInt(10) > 0) {
            r.put("email", email(first, last));
        }
        // A third have only a mobile in "phone", as people type it into web forms.
        r.put(random.nextInt(3) == 0 ? "mobile" : "phone", phone(random.nextInt(3) > 0));
        r.put("leadsource", pick(SOURCES));
        r.put("assigned_user_id", pick(owners));
        // Never today: at least one full day back.
        r.put("createdtime", "now-P" + (1 + random.nextInt(364)) + "DT" + random.nextInt(24) + "H" + random.nextInt(60) + "M");
        return r;
    }

    private String email(String first, String last) {
        String f = ascii(first);
        String l = ascii(last.split(" ")[0]);
        String local = switch (random.nextInt(4)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + l + (random.nextInt(90) + 10);
            case 2 -> f + l.charAt(0) + (1960 + random.nextInt(45));
            default -> l + "." + f;
        };
        String email = local + "@" + pick(DOMAINS);
        // Some people type their address with capitals.
        return random.nextInt(8) == 0 ? Character.toUpperCase(email.charAt(0)) + email.substring(1) : email;
    }

    /** Spanish numbers in the formats people really type. */
    private String phone(boolean mobile) {
        String n = (mobile ? (random.nextInt(5) == 0 ? "7" : "6") : "9") + digits(8);
        return switch (random.nextInt(6)) {
            case 0 -> "+34 " + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5, 7) + " " + n.substring(7);
            case 1 -> n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
            case 2 -> "0034" + n;
            case 3 -> "+34" + n;
            case 4 -> n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            default -> n;
        };
    }

    private String digits(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace(" ", "");
    }
}
