package daemon

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/oauth"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// attachTokens lets the servers that sign in with `lorkeeper login`, or
// with an app password `lorkeeper init` kept, find their secrets: in the
// OS keyring, or the secrets file beside the state.
func attachTokens(cfg *config.Config, log *slog.Logger) {
	st := secrets.Open(cfg.State, cfg.Secrets, log)
	oauth.Attach(cfg, st, log)
	AttachPasswords(cfg, st)
}

// AttachPasswords gives each section of cfg with password_keyring the
// passwords kept in st.
func AttachPasswords(cfg *config.Config, st *secrets.Store) {
	for _, s := range []*config.Secret{&cfg.IMAP.Secret, &cfg.SMTP.Secret} {
		if s.PasswordKeyring {
			s.Passwords = keptPasswords{st}
		}
	}
}

type keptPasswords struct{ st *secrets.Store }

func (k keptPasswords) Password(user string) (string, error) {
	v, err := k.st.Get(config.PasswordKey(user))
	if errors.Is(err, secrets.ErrNotFound) || err == nil && v == "" {
		return "", fmt.Errorf("no app password for %s in %s: enter it again with `lorkeeper init`", user, k.st.Where())
	}
	return v, err
}
