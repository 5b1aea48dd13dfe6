package org.leadrouter.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.leadrouter.cli.LeadrouterCommand;
import org.leadrouter.csv.LeadCsvReader;
import org.leadrouter.csv.LeadFile;
import org.leadrouter.csv.LeadFileReader;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import picocli.CommandLine;

/**
 * Measures reading a 100,000-row Excel workbook (shared strings, phones stored as numbers, dates as dates) against
 * the same rows as a CSV: time and peak heap of reading alone, then of a whole {@code run} dry-run against the
 * sandbox. Meant to run with {@code -Xmx256m}, the heap a CSV of that size is held to.
 *
 * <p>Usage: {@code WorkbookBenchmark [rows=100000] [workDir]}.
 */
public final class WorkbookBenchmark {
    private static final List<String> COURSES = List.of("Salud", "Electricidad", "Administración y Finanzas",
            "Marketing Digital", "Cocina y Gastronomía", "Educación Infantil");

    private WorkbookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("workbook-bench");
        Path xlsx = work.resolve("leads_" + rows + ".xlsx");
        Path csv = work.resolve("leads_" + rows + ".csv");
        writeWorkbook(xlsx, rows);
        writeCsv(csv, rows);
        System.out.printf(Locale.ROOT, "%,d rows: workbook %.1f MB, CSV %.1f MB; max heap %d MB%n%n", rows,
                Files.size(xlsx) / 1048576.0, Files.size(csv) / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);

        LeadFileReader reader = new LeadFileReader(LeadCsvReader.DEFAULT_LIMITS);
        for (Path file : List.of(xlsx, csv, xlsx, csv)) { // the second round runs warm
            System.gc();
            HeapPeak.reset();
            long start = System.nanoTime();
            LeadFile read = reader.read(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "read %-22s %,7d rows %7d ms   peak heap %6.1f MB%n",
                    file.getFileName(), read.rows().size(), millis, HeapPeak.bytes() / 1048576.0);
            read = null;
        }
        System.out.println();

        try (VtigerSandbox sandbox = VtigerSandbox.start(0, SandboxFixture.demo())) {
            for (Path file : List.of(xlsx, csv)) {
                Path config = config(work, sandbox, Files.createTempDirectory(work, "state"));
                Path report = work.resolve(file.getFileName() + "_report.csv");
                System.gc();
                HeapPeak.reset();
                StringWriter out = new StringWriter();
                CommandLine cli = LeadrouterCommand.commandLine();
                cli.setOut(new PrintWriter(out, true));
                cli.setErr(new PrintWriter(out, true));
                long start = System.nanoTime();
                int exit = cli.execute("run", file.toString(), "--output", report.toString(), "--config",
                        config.toString());
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf(Locale.ROOT, "run (dry-run) %-14s exit %d %7d ms   peak heap %6.1f MB "
                        + "(the sandbox's data included)%n", file.getFileName(), exit, millis, HeapPeak.bytes() / 1048576.0);
                if (exit != 0) {
                    System.out.println(out);
                }
            }
        }
    }

    private static void writeWorkbook(Path file, int rows) throws IOException {
        // shared strings, as Excel writes them: the reader must keep that table, the rows it streams
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 200, true, true)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14);
            Sheet sheet = wb.createSheet("Leads");
            Row header = sheet.createRow(0);
            String[] names = {"Nombre", "Email", "Teléfono", "Curso Interesado", "Fecha entrada", "Origen del leads"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(name(i));
                row.createCell(1).setCellValue(email(i));
                row.createCell(2).setCellValue(phone(i));
                row.createCell(3).setCellValue(COURSES.get(i % COURSES.size()));
                Cell d = row.createCell(4);
                d.setCellValue(LocalDate.of(2025, 7, 1).plusDays(i % 28));
                d.setCellStyle(date);
                row.createCell(5).setCellValue(i % 3 == 0 ? "SEO" : "Portales");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void writeCsv(Path file, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Nombre;Email;Teléfono;Curso Interesado;Fecha entrada;Origen del leads\n");
            for (int i = 1; i <= rows; i++) {
                LocalDate d = LocalDate.of(2025, 7, 1).plusDays(i % 28);
                w.write(String.format(Locale.ROOT, "%s;%s;%d;%s;%02d/%02d/%d;%s%n", name(i), email(i), phone(i),
                        COURSES.get(i % COURSES.size()), d.getDayOfMonth(), d.getMonthValue(), d.getYear(),
                        i % 3 == 0 ? "SEO" : "Portales"));
            }
        }
    }

    private static String name(int i) {
        return "Persona " + i + " García López";
    }

    private static String email(int i) {
        return "persona" + i + "@example.com";
    }

    private static long phone(int i) {
        return 600_000_000L + i;
    }

    private static Path config(Path work, VtigerSandbox sandbox, Path stateDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("vtiger.url", sandbox.baseUrl().toString());
        p.setProperty("vtiger.username", "admin");
        p.setProperty("vtiger.access-key", "sandbox-demo-key");
        p.setProperty("vtiger.server-timezone", "Europe/Madrid");
        p.setProperty("state.dir", stateDir.toString());
        p.setProperty("allocation.daily-cap", "100000");
        Path file = stateDir.resolve("bench.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "workbook benchmark");
        }
        return file;
    }
}
