package org.leadrouter.sandbox;

/** A webservice failure answered as {@code {"success":false,"error":{code,message}}} with HTTP 200. */
final class VtigerError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    VtigerError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    // Codes and messages as written in VTiger's WebServiceErrorCode and its throwers (typos included).

    static VtigerError accessDenied(String message) {
        return new VtigerError("ACCESS_DENIED", message);
    }

    static VtigerError operationDenied() {
        return accessDenied("Permission to perform the operation is denied");
    }

    /** VtigerWebserviceObject::fromName names the module it did not find. */
    static VtigerError unknownModule(String name) {
        return accessDenied("Permission to perform the operation is denied for name : " + name);
    }

    static VtigerError authRequired() {
        return new VtigerError("AUTHENTICATION_REQUIRED", "Authencation required");
    }

    static VtigerError invalidSession() {
        return new VtigerError("INVALID_SESSIONID", "Session Identifier provided is Invalid");
    }

    static VtigerError invalidToken() {
        return new VtigerError("INVALID_AUTH_TOKEN", "Specified token is invalid or expired");
    }

    static VtigerError invalidCredentials() {
        return new VtigerError("INVALID_USER_CREDENTIALS", "Invalid username or password");
    }

    static VtigerError syntax(String message) {
        return new VtigerError("QUERY_SYNTAX_ERROR", message);
    }

    /** What PHP 8 answers when MySQL (or the VTQL lexer) throws: mysqli errors are exceptions since PHP 8.1. */
    static VtigerError internal() {
        return new VtigerError("INTERNAL_SERVER_ERROR", "Unknown Error while processing request");
    }

    static VtigerError invalidId() {
        return new VtigerError("INVALID_ID_ATTRIBUTE", "Id specified is incorrect");
    }

    static VtigerError invalidOwner() {
        return new VtigerError("INVALID_ID_ATTRIBUTE", "Invalid owner of the record");
    }

    static VtigerError mandatoryMissing(String field) {
        return new VtigerError("MANDATORY_FIELDS_MISSING", field + " does not have a value");
    }

    static VtigerError recordNotFound() {
        return new VtigerError("RECORD_NOT_FOUND", "Record you are trying to access is not found");
    }
}
