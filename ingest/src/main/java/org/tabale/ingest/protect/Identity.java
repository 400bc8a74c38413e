package org.tabale.ingest.protect;

/**
 * A reporter's identity as submitted: name, phone and account (e-mail, handle, user name), any of
 * them absent. It lives only inside the parsing step: {@link Pseudonymiser} turns it into a
 * pseudonym and {@link Redactor} removes it from the report's text; nothing stores it.
 * {@link #toString()} withholds the values, so an accidental log line shows nothing.
 */
public record Identity(String name, String phone, String account) {

    public static final Identity NONE = new Identity(null, null, null);

    public Identity {
        name = blankToNull(name);
        phone = blankToNull(phone);
        account = blankToNull(account);
    }

    public boolean isEmpty() {
        return name == null && phone == null && account == null;
    }

    @Override
    public String toString() {
        return "Identity[withheld]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
