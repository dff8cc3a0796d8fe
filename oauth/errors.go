package oauth

import (
	"fmt"

	"github.com/lorkeeper/lorkeeper/config"
)

// SignInError is a sign-in only the applicant can renew: it matches
// config.ErrSignIn, and its message says what to do.
type SignInError struct {
	Provider Provider
	Reason   string // expired | none | client | refused | scope
	Testing  bool   // the end looks like Google's 7-day "Testing" limit
	Code     string // the server's error code, such as invalid_grant
}

// Reasons of a SignInError.
const (
	Expired = "expired" // revoked, expired, or the password changed
	None    = "none"    // never signed in
	Client  = "client"  // the server refused the OAuth client
	Refused = "refused" // the applicant said no in the browser
	Scope   = "scope"   // signed in without allowing mail access
)

func (e *SignInError) Error() string {
	n := e.Provider.name()
	switch e.Reason {
	case None:
		return fmt.Sprintf("not signed in: %s is needed — run `lorkeeper login`", n)
	case Client:
		return fmt.Sprintf("%s refused the OAuth client (%s): check [oauth] client_id and client_secret, then run `lorkeeper login`", n, e.Code)
	case Refused:
		return fmt.Sprintf("%s was cancelled in the browser (%s) — run `lorkeeper login` again and allow access", n, e.Code)
	case Scope:
		return fmt.Sprintf("%s did not allow access to mail (the permission was unticked) — run `lorkeeper login` again and allow it", n)
	}
	msg := fmt.Sprintf("%s expired — run `lorkeeper login`", n)
	if e.Testing {
		msg += "; it lasted 7 days because the Google Cloud app is still in \"Testing\": publish it (Google Auth Platform → Audience → Publish app) and sign in once more, and the sign-in will last"
	}
	return msg
}

// Is makes a SignInError match config.ErrSignIn.
func (e *SignInError) Is(target error) bool { return target == config.ErrSignIn }
