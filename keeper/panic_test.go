package keeper

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/reader"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// A bug that panics on one message costs that message, noted for the
// applicant, never the daemon or the other messages of the batch.
func TestPanicIsContainedToItsMessage(t *testing.T) {
	k := bare(t)
	k.classify = func(m *reader.Message) classify.Result {
		if m.Subject == "boom" {
			panic("classifier bug")
		}
		return classify.Classify(m)
	}
	msg := func(id, subject, body string) []byte {
		return []byte("From: jsmith@hospital.test\r\nTo: amara@inbox.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + id +
			">\r\nContent-Type: text/plain\r\n\r\n" + body + "\r\n")
	}
	ctx := context.Background()
	err := k.Deliver(ctx, "INBOX", 1, []Incoming{
		{UID: 1, Raw: msg("a@x", "boom", "anything")},
		{UID: 2, Raw: msg("b@x", "Re: letter", "I would be delighted to write you a strong letter.")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := k.Messages(ctx, "")
	if len(ms) != 2 || ms[0].Kind != KindUnreadable || ms[1].Kind != "strong_yes" {
		t.Fatalf("messages: %+v", ms)
	}
	cp, _ := k.Checkpoint(ctx, "INBOX")
	if cp != (store.Checkpoint{UIDValidity: 1, LastUID: 2}) {
		t.Errorf("checkpoint %+v", cp)
	}
	o, _ := k.Overview(ctx)
	if len(o.Unreadable) != 1 {
		t.Errorf("overview: %q", o.Unreadable)
	}
}

// bare is a keeper on a fresh state, with the sample writers and no mail
// servers (this package's tests cannot use testenv, which imports it).
func bare(t *testing.T) *Keeper {
	dir := t.TempDir()
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		os.WriteFile(filepath.Join(dir, f), []byte("%PDF"), 0o600)
	}
	secret := config.Secret{PasswordEnv: "UNUSED"}
	c := &config.Config{State: "state.db", Applicant: sample.Applicant("amara@inbox.test", "cv.pdf", "ps.pdf"),
		IMAP:    config.IMAP{Host: "127.0.0.1", Port: 1, Security: "none", Username: "amara@inbox.test", Secret: secret},
		SMTP:    config.SMTP{Host: "127.0.0.1", Port: 1, Security: "none", Username: "amara@inbox.test", Secret: secret},
		Writers: sample.Writers(map[string]string{"smith": "jsmith@hospital.test", "patel": "p@h.test", "nguyen": "n@h.test", "adeyemi": "a@h.test"})}
	cfg, err := config.Parse(filepath.Join(dir, "l.toml"), config.Encode(c))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tmpl, err := templates.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return New(cfg, st, tmpl, nil, nil)
}
