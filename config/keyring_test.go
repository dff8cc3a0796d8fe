package config

import (
	"context"
	"errors"
	"strings"
	"testing"
)

type passwords map[string]string

func (p passwords) Password(user string) (string, error) {
	v, ok := p[PasswordKey(user)]
	if !ok {
		return "", errors.New("no app password for " + user)
	}
	return v, nil
}

// TestPasswordKeyring: an app password kept in the keyring signs in both
// servers under the mailbox's username, and is one secret among the
// others, not a second one.
func TestPasswordKeyring(t *testing.T) {
	c := mustLoad(t, "amara@gmail.com", "", "[imap]\npassword_keyring = true\n")
	if !c.SMTP.PasswordKeyring || c.IMAP.Auth != "" {
		t.Fatalf("smtp secret %+v, imap auth %q", c.SMTP.Secret, c.IMAP.Auth)
	}
	kept := passwords{PasswordKey("Amara@Gmail.com"): "abcd efgh ijkl mnop"}
	c.IMAP.Passwords, c.SMTP.Passwords = kept, kept
	for _, s := range []struct {
		name string
		sec  Secret
		user string
	}{{"imap", c.IMAP.Secret, c.IMAP.Username}, {"smtp", c.SMTP.Secret, c.SMTP.Username}} {
		cred, err := s.sec.Credential(context.Background(), s.name, s.user)
		if err != nil || cred.Password != "abcd efgh ijkl mnop" || cred.Token != "" {
			t.Errorf("%s: credential %v, %v", s.name, cred, err)
		}
	}
	c.IMAP.Passwords = passwords{}
	_, err := c.IMAP.Credential(context.Background(), "imap", c.IMAP.Username)
	if err == nil || !strings.HasPrefix(err.Error(), "imap.password_keyring: no app password for amara@gmail.com") {
		t.Errorf("missing password: %v", err)
	}
	if ps := problems(t, "amara@gmail.com", "", "[imap]\npassword_keyring = true\npassword_env = \"PW\"\n"); !hasProblem(ps, "9: ", "set only one of") {
		t.Errorf("two secrets: %v", ps)
	}
	if ps := problems(t, "amara@gmail.com", "", "[imap]\npassword_keyring = true\nauth = \"oauth2\"\n[oauth]\nclient_id = \"c\"\n"); !hasProblem(ps, "11: ", "remove password_env, password_cmd, password_keyring") {
		t.Errorf("oauth2 and a password: %v", ps)
	}
}
