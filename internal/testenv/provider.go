package testenv

import (
	"fmt"
	"strings"

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
	text := ConfigText(sys, Options{})
	text = "provider = \"" + preset + "\"\nsecrets = \"file\"\n" + text
	text = strings.Replace(text, "sent_copy = \"append\"\n", "", 1)
	text = strings.Replace(text, "[imap]\n", "[imap]\nidle_renew = \"0.3s\"\ndrafts_poll = \"0.1s\"\n", 1)
	text = strings.Replace(text, "[smtp]\n", "[smtp]\nretry_after = \"0.1s\"\n", 1)
	if len(endpoints) == 3 {
		text = strings.ReplaceAll(text, "password_cmd = \"printf "+Password+"\"\n", "")
		text += fmt.Sprintf("\n[oauth]\nclient_id = \"lorkeeper-test\"\nauth_url = %q\ntoken_url = %q\ndevice_auth_url = %q\n",
			endpoints[0], endpoints[1], endpoints[2])
	}
	return text
}
