package daemon

import (
	"log/slog"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/oauth"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// attachTokens lets the servers that sign in with `lorkeeper login` find
// their tokens: in the OS keyring, or the secrets file beside the state.
func attachTokens(cfg *config.Config, log *slog.Logger) {
	oauth.Attach(cfg, secrets.Open(cfg.State, cfg.Secrets, log), log)
}
