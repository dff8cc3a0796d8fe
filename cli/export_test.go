package cli

import (
	"log/slog"

	"github.com/lorkeeper/lorkeeper/secrets"
)

// UseSecretsFile makes init keep secrets in the file beside the state,
// never in the OS keyring, until the returned function is called.
func UseSecretsFile() (restore func()) {
	old := openSecrets
	openSecrets = func(state, _ string, log *slog.Logger) *secrets.Store {
		return secrets.New(secrets.FileFor(state), secrets.File, nil, log)
	}
	return func() { openSecrets = old }
}
