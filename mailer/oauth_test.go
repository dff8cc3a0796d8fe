package mailer

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/memmail"
)

// TestTokenMechanisms: XOAUTH2 and OAUTHBEARER logins; a refused token
// is never in the error.
func TestTokenMechanisms(t *testing.T) {
	sys, srv := start(t, memmail.Options{Provider: memmail.Gmail})
	sys.AllowToken(from, "ya29.good")
	for _, mech := range []string{"XOAUTH2", "OAUTHBEARER"} {
		srv.Credential = func(context.Context) (config.Credential, error) {
			return config.Credential{Username: from, Token: "ya29.good", Mechanism: mech}, nil
		}
		if _, err := send(t, srv, sample(t)); err != nil {
			t.Fatalf("%s: %v", mech, err)
		}
		if got := sys.Sent()[len(sys.Sent())-1].Auth; got != mech {
			t.Errorf("logged in with %s, want %s", got, mech)
		}
		srv.Credential = func(context.Context) (config.Credential, error) {
			return config.Credential{Username: from, Token: "ya29.revoked", Mechanism: mech}, nil
		}
		_, err := send(t, srv, sample(t))
		var me *Error
		if !errors.As(err, &me) || !me.Temporary || strings.Contains(err.Error(), "ya29") {
			t.Errorf("%s with a bad token: %v", mech, err)
		}
	}
}

// TestRefusedTokenRenewedOnce: the server refuses a token at AUTH; it is
// renewed once and the message goes out once.
func TestRefusedTokenRenewedOnce(t *testing.T) {
	sys, srv := start(t, memmail.Options{})
	sys.AllowToken(from, "new")
	var refreshed atomic.Int32
	srv.Credential = func(context.Context) (config.Credential, error) {
		return config.Credential{Username: from, Token: "old", Refresh: func(context.Context) (config.Credential, error) {
			refreshed.Add(1)
			return config.Credential{Username: from, Token: "new"}, nil
		}}, nil
	}
	if _, err := send(t, srv, sample(t)); err != nil {
		t.Fatal(err)
	}
	if refreshed.Load() != 1 || len(sys.Sent()) != 1 {
		t.Errorf("refreshed %d times, %d messages sent", refreshed.Load(), len(sys.Sent()))
	}
	if err := CheckLogin(context.Background(), srv); err != nil || refreshed.Load() != 2 {
		t.Errorf("CheckLogin: %v (refreshed %d)", err, refreshed.Load())
	}
}

// TestMicrosoftRefusesOAuthBearer: Exchange takes XOAUTH2 only, which is
// why the Microsoft presets refuse oauth2_mechanism = "oauthbearer".
func TestMicrosoftRefusesOAuthBearer(t *testing.T) {
	sys, srv := start(t, memmail.Options{Provider: memmail.Microsoft})
	sys.AllowToken(from, "tok")
	srv.Credential = func(context.Context) (config.Credential, error) {
		return config.Credential{Username: from, Token: "tok", Mechanism: "OAUTHBEARER"}, nil
	}
	if _, err := send(t, srv, sample(t)); err == nil {
		t.Error("OAUTHBEARER accepted by the Microsoft emulation")
	}
	// And files what it accepts in Sent Items itself.
	srv.Credential = func(context.Context) (config.Credential, error) {
		return config.Credential{Username: from, Token: "tok", Mechanism: "XOAUTH2"}, nil
	}
	if _, err := send(t, srv, sample(t)); err != nil {
		t.Fatal(err)
	}
	if msgs, _ := sys.Messages(from, "Sent Items"); len(msgs) != 1 {
		t.Errorf("%d messages in Sent Items, want 1", len(msgs))
	}
}
