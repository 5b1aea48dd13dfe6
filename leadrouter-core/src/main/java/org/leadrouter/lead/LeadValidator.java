package org.leadrouter.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.i18n.Messages;

/** Decides whether a row can become a lead and normalises its values for the CRM. */
public final class LeadValidator {

    /**
     * VTiger's column lengths for vtiger_leaddetails.firstname and lastname, to split a name before sending it
     * (describe does not give lengths); whatever VTiger still cuts is noted from its create answer.
     */
    static final int FIRSTNAME_MAX = 40;
    static final int LASTNAME_MAX = 80;

    private final PhoneNormaliser phones;

    public LeadValidator(PhoneNormaliser phones) {
        this.phones = Objects.requireNonNull(phones, "phones == null");
    }

    public Validation validate(RawLead raw) {
        Objects.requireNonNull(raw, "raw == null");
        if (!raw.unusable().isEmpty()) {
            return new Validation.Invalid(raw, raw.unusable());
        }
        List<String> notes = new ArrayList<>(raw.notes());

        String fullName = CrmText.clean(raw.name(), "name", notes);
        if (fullName.isEmpty()) {
            return new Validation.Invalid(raw, Messages.t("invalid.no-name"));
        }
        for (String[] value : new String[][] {{"name", fullName}, {"course", raw.course()},
                {"source", raw.source()}, {"entry-date", raw.entryDate()}}) {
            if (Mojibake.looksGarbled(value[1])) {
                return new Validation.Invalid(raw, Messages.t("invalid.garbled", Messages.t("field." + value[0]),
                        Texts.collapse(value[1])));
            }
        }

        Optional<String> email = EmailNormaliser.normalise(raw.email());
        Optional<String> phone = phones.toE164(raw.phone());
        if (email.isEmpty() && phone.isEmpty()) {
            return new Validation.Invalid(raw,
                    Messages.t("invalid.no-contact", emailProblem(raw.email()), phoneProblem(raw.phone())));
        }
        if (email.isEmpty() && !raw.email().isEmpty()) {
            notes.add(Messages.t("note.email-ignored", raw.email(), emailReason(raw.email())));
        }
        if (phone.isEmpty() && !raw.phone().isEmpty()) {
            notes.add(Messages.t("note.phone-ignored", raw.phone(), phoneReason(raw.phone())));
        }

        if (email.isPresent() && CrmText.hasInvisibles(raw.email())) {
            notes.add(CrmText.invisibleNote("email"));
        }
        if (phone.isPresent() && CrmText.hasInvisibles(raw.phone())) {
            notes.add(CrmText.invisibleNote("phone"));
        }

        PersonName name = fit(PersonName.split(fullName));
        String firstname = CrmText.cutAtWord(name.firstname(), FIRSTNAME_MAX, "first-name", notes);
        String lastname = CrmText.cutAtWord(name.lastname(), LASTNAME_MAX, "last-name", notes);
        String course = CrmText.clean(raw.course(), "course", notes);
        String source = CrmText.clean(raw.source(), "source", notes);
        String entryDate = entryDate(raw.entryDate(), notes);

        return new Validation.Valid(new Lead(raw, firstname, lastname, email.orElse(""), phone.orElse(""),
                course, entryDate, source, notes));
    }

    /**
     * Moves whole words across the split so that both parts fit their columns when the name fits at all: the last
     * words of a long first name join the last name while it has room, and the other way round.
     */
    static PersonName fit(PersonName name) {
        String first = name.firstname();
        String last = name.lastname();
        while (first.length() > FIRSTNAME_MAX && first.indexOf(' ') > 0) {
            int space = first.lastIndexOf(' ');
            String moved = first.substring(space + 1) + " " + last;
            if (moved.length() > LASTNAME_MAX) {
                break;
            }
            first = first.substring(0, space);
            last = moved;
        }
        while (last.length() > LASTNAME_MAX && last.indexOf(' ') > 0) {
            int space = last.indexOf(' ');
            String moved = first.isEmpty() ? last.substring(0, space) : first + " " + last.substring(0, space);
            if (moved.length() > FIRSTNAME_MAX) {
                break;
            }
            first = moved;
            last = last.substring(space + 1);
        }
        return new PersonName(first, last);
    }

    private static String entryDate(String raw, List<String> notes) {
        Optional<String> iso = EntryDates.toIso(raw);
        if (iso.isPresent()) {
            return iso.get();
        }
        String kept = CrmText.clean(raw, "entry-date", notes);
        if (!kept.isEmpty()) {
            notes.add(Messages.t("note.entry-date-kept", kept));
        }
        return kept;
    }

    // Invalid reasons read as sentences ("email 'x' is not an address"), notes as labels ("ignored: not a valid
    // address"), matching how each appears in the report's Detail column.
    private static String emailProblem(String raw) {
        if (raw.isEmpty()) {
            return Messages.t("invalid.email-empty");
        }
        return tooLong(raw) ? Messages.t("invalid.email-too-long", raw, EmailNormaliser.MAX_LENGTH)
                : Messages.t("invalid.email-not-address", raw);
    }

    private static String phoneProblem(String raw) {
        if (raw.isEmpty()) {
            return Messages.t("invalid.phone-empty");
        }
        return PhoneNormaliser.hasLetters(raw) ? Messages.t("invalid.phone-letters", raw)
                : Messages.t("invalid.phone-not-number", raw);
    }

    private static String emailReason(String raw) {
        return tooLong(raw) ? Messages.t("note.email-too-long", EmailNormaliser.MAX_LENGTH)
                : Messages.t("note.email-not-address");
    }

    private static String phoneReason(String raw) {
        return PhoneNormaliser.hasLetters(raw) ? Messages.t("note.phone-letters") : Messages.t("note.phone-not-number");
    }

    private static boolean tooLong(String raw) {
        return Texts.strip(raw).length() > EmailNormaliser.MAX_LENGTH;
    }
}
