package oauth_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/internal/oauthtest"
	"github.com/lorkeeper/lorkeeper/oauth"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// Signing in with a device code, keeping the grant, and getting access
// tokens from it, as `lorkeeper login` and then the daemon do.
func Example() {
	srv, _ := oauthtest.Start(oauthtest.Options{})
	defer srv.Close()
	auth, token, device := srv.Endpoints()
	p := oauth.Provider{Issuer: "Example", ID: "example", ClientID: "my-client",
		AuthURL: auth, TokenURL: token, DeviceAuthURL: device, Scopes: []string{"mail"}, Flow: "device"}

	// The applicant enters the printed code on their phone.
	out := &strings.Builder{}
	go func() {
		srv.Wait(10*time.Second, func() bool { return srv.PendingDevice() != "" })
		srv.Approve(srv.PendingDevice(), "amara@example.org")
	}()
	g, err := (&oauth.Login{Provider: p, User: "amara@example.org", Out: out}).Run(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	st := secrets.New("/nonexistent/lk.secrets", secrets.Keyring, &memKeyring{}, nil)
	oauth.Save(st, p, "amara@example.org", g)

	src := oauth.NewSource(p, "amara@example.org", st, nil, nil, nil)
	tok, _ := src.Token(context.Background())
	fmt.Println(strings.Contains(out.String(), "enter the code"), srv.Valid("amara@example.org", tok))
	// Output: true true
}

type memKeyring struct{ m map[string]string }

func (k *memKeyring) Get(s, u string) (string, error) {
	if v, ok := k.m[s+u]; ok {
		return v, nil
	}
	return "", io.EOF
}

func (k *memKeyring) Set(s, u, v string) error {
	if k.m == nil {
		k.m = map[string]string{}
	}
	k.m[s+u] = v
	return nil
}

func (k *memKeyring) Delete(s, u string) error { delete(k.m, s+u); return nil }
