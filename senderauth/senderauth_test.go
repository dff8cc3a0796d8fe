package senderauth

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/emersion/go-msgauth/dkim"
)

const notice = "From: AAMC Letters <notices@portal.test>\r\n" +
	"To: amara@inbox.test\r\n" +
	"Subject: Letter uploaded\r\n" +
	"Message-ID: <n1@portal.test>\r\n" +
	"\r\n" +
	"The letter from Dr. Jane Smith (Letter ID 1234) has been uploaded.\r\n"

// Signer signs messages as portal.test and resolves its key, for tests
// of this package and of the keeper.
func signer(t *testing.T) (sign func(string) []byte, lookup func(string) ([]string, error)) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sign = func(msg string) []byte {
		var b bytes.Buffer
		if err := dkim.Sign(&b, strings.NewReader(msg), &dkim.SignOptions{Domain: "portal.test", Selector: "s1", Signer: priv}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	lookup = func(name string) ([]string, error) {
		if name != "s1._domainkey.portal.test" {
			return nil, nil
		}
		return []string{"v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)}, nil
	}
	return sign, lookup
}

func TestDKIM(t *testing.T) {
	sign, lookup := signer(t)
	opts := Options{LookupTXT: lookup}
	if r := Check(sign(notice), "notices@portal.test", opts); !r.OK {
		t.Errorf("signed notice: %+v", r)
	}
	if r := Check([]byte(notice), "notices@portal.test", opts); r.OK || !strings.Contains(r.How, "no DKIM signature") {
		t.Errorf("unsigned notice: %+v", r)
	}
	// A signature by another domain proves nothing about portal.test.
	if r := Check(sign(notice), "notices@aamc.example", opts); r.OK {
		t.Errorf("unaligned signature accepted: %+v", r)
	}
	// A body changed after signing fails.
	tampered := bytes.Replace(sign(notice), []byte("Dr. Jane Smith"), []byte("Dr. Raj Patel!"), 1)
	if r := Check(tampered, "notices@portal.test", opts); r.OK {
		t.Errorf("tampered notice accepted: %+v", r)
	}
}

func TestTopmostAuthenticationResultsOfTheProvider(t *testing.T) {
	pass := "Authentication-Results: mx.inbox.test; dkim=pass header.d=portal.test; dmarc=pass header.from=portal.test\r\n"
	fail := "Authentication-Results: mx.inbox.test; dkim=none; dmarc=fail header.from=portal.test\r\n"
	opts := Options{AuthservID: "mx.inbox.test", LookupTXT: func(string) ([]string, error) { return nil, nil }}
	cases := []struct {
		name string
		msg  string
		ok   bool
	}{
		{"provider says pass", pass + notice, true},
		{"provider says fail", fail + notice, false},
		// The forger added a passing header below the provider's own.
		{"forged header below the provider's", fail + pass + notice, false},
		// A header from another authserv-id is not the provider's.
		{"another authserv-id", strings.Replace(pass, "mx.inbox.test", "mx.evil.test", 1) + notice, false},
	}
	for _, tc := range cases {
		if r := Check([]byte(tc.msg), "notices@portal.test", opts); r.OK != tc.ok {
			t.Errorf("%s: %+v", tc.name, r)
		}
	}
	// Without an authserv-id, no Authentication-Results is trusted.
	if r := Check([]byte(pass+notice), "notices@portal.test", Options{LookupTXT: opts.LookupTXT}); r.OK {
		t.Errorf("untrusted header accepted: %+v", r)
	}
}

func TestAligned(t *testing.T) {
	for _, tc := range []struct {
		d, from string
		ok      bool
	}{
		{"aamc.org", "aamc.org", true},
		{"aamc.org", "notify.aamc.org", true},
		{"mail.aamc.org", "aamc.org", true},
		{"org", "aamc.org", false},
		{"evilaamc.org", "aamc.org", false},
		{"", "aamc.org", false},
	} {
		if got := aligned(tc.d, tc.from); got != tc.ok {
			t.Errorf("aligned(%q, %q) = %v", tc.d, tc.from, got)
		}
	}
}
