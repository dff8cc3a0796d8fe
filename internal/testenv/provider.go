package testenv

import (
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/memmail"
)

// ProviderText is ConfigText for a provider preset: the servers stay on
// sys's loopback addresses, while the folders, the Sent copy and the
// sign-in are left to the preset; IDLE renews, the Drafts folder is
// polled and failed sends are retried within a fraction of a second.
// With the endpoints of an OAuth2 server (authorize, token, device), both
// servers sign in with the tokens of `lorkeeper login`, kept in the
// secrets file beside the state.
func ProviderText(sys *memmail.System, preset string, endpoints ...string) string {
	return ConfigText(sys, Options{Configure: func(c *config.Config) {
		c.Provider, c.Secrets = preset, "file"
		c.SMTP.SentCopy, c.Portals.AuthservID = "", "" // the preset's
		c.IMAP.IdleRenew = config.Duration(300 * time.Millisecond)
		c.IMAP.DraftsPoll = config.Duration(100 * time.Millisecond)
		c.SMTP.RetryAfter = config.Duration(100 * time.Millisecond)
		if len(endpoints) == 3 {
			c.IMAP.Secret, c.SMTP.Secret = config.Secret{}, config.Secret{}
			c.OAuth = config.OAuth{ClientID: "lorkeeper-test", AuthURL: endpoints[0], TokenURL: endpoints[1], DeviceAuthURL: endpoints[2]}
		}
	}})
}
