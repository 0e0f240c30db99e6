package dev.idun.engine.sso;

/** Who a verified token belongs to: its subject and, when the issuer provides it, the e-mail address. */
public record SsoUser(String subject, String email) {
    /** The id runs are attributed to: the e-mail, else the subject. */
    public String userId() {
        return email != null ? email : subject;
    }
}
