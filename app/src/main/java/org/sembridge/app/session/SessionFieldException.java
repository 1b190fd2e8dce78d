package org.sembridge.app.session;

/// A field of a saved session that could not be restored: the message names the field by its
/// path inside the part (`runs[1]`, `notes.▁집`), what was expected and what was found.
///
/// A [org.sembridge.app.workspace.SessionPart] throws it from `restore` after restoring every
/// field it could; [SessionStore] reports it with the session file and the part's key and goes
/// on with the next part. Unchecked because `SessionPart#restore` declares no exceptions.
public final class SessionFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionFieldException(String message) {
        super(message);
    }
}
