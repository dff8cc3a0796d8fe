package mailer

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/memmail"
)

const (
	from = "amara@inbox.test"
	to   = "jsmith@hospital.test"
)

func start(t *testing.T, opts memmail.Options) (*memmail.System, Server) {
	t.Helper()
	sys, err := memmail.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	for _, u := range []string{from, to} {
		if err := sys.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	host, port, _ := net.SplitHostPort(sys.SMTPAddr())
	p, _ := strconv.Atoi(port)
	return sys, Server{Host: host, Port: p, Security: "none", Timeout: 5 * time.Second,
		Credential: func(context.Context) (config.Credential, error) {
			return config.Credential{Username: from, Password: "pw"}, nil
		}}
}

func sample(t *testing.T) Message {
	dir := t.TempDir()
	cv := filepath.Join(dir, "cv.pdf")
	os.WriteFile(cv, []byte("%PDF-1.4 cv"), 0o600)
	return Message{
		FromName: "Amara Okafor", FromAddr: from, ToName: "Dr. Jane Smith", ToAddr: to,
		Subject: "Re: Would you feel comfortable writing me a strong letter?", Text: "Dear Dr. Smith,\n\nThank you.\n",
		HTML: "<p>Dear Dr. Smith,</p><p>Thank you.</p>", MessageID: "lorkeeper-2-abc@inbox.test",
		InReplyTo: "reply-1@hospital.test", References: []string{"lorkeeper-1-xyz@inbox.test", "reply-1@hospital.test"},
		Date:        time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC),
		Attachments: []Attachment{{Name: "cv.pdf", Path: cv}, {Name: "summary.txt", ContentType: "text/plain", Data: []byte("Summary")}},
	}
}

func send(t *testing.T, srv Server, m Message) (string, error) {
	t.Helper()
	msg, err := Compose(m)
	if err != nil {
		t.Fatal(err)
	}
	return srv.Send(context.Background(), msg, nil)
}

// TestComposedMessage reads the delivered message back as a mail client
// would: headers, threading, alternatives and attachments.
func TestComposedMessage(t *testing.T) {
	sys, srv := start(t, memmail.Options{})
	if _, err := send(t, srv, sample(t)); err != nil {
		t.Fatal(err)
	}
	msgs, err := sys.Messages(to, "INBOX")
	if err != nil || len(msgs) != 1 {
		t.Fatalf("writer's INBOX: %d messages, %v", len(msgs), err)
	}
	r, err := mail.CreateReader(strings.NewReader(string(msgs[0])))
	if err != nil {
		t.Fatal(err)
	}
	h := r.Header
	id, _ := h.MessageID()
	irt, _ := h.MsgIDList("In-Reply-To")
	refs, _ := h.MsgIDList("References")
	subj, _ := h.Subject()
	fromList, _ := h.AddressList("From")
	if id != "lorkeeper-2-abc@inbox.test" || len(irt) != 1 || irt[0] != "reply-1@hospital.test" ||
		len(refs) != 2 || refs[0] != "lorkeeper-1-xyz@inbox.test" || !strings.HasPrefix(subj, "Re: ") ||
		fromList[0].Name != "Amara Okafor" {
		t.Errorf("headers: id=%s irt=%v refs=%v subj=%q from=%v", id, irt, refs, subj, fromList)
	}
	var types, files []string
	for {
		p, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch ph := p.Header.(type) {
		case *mail.InlineHeader:
			ct, _, _ := ph.ContentType()
			types = append(types, ct)
		case *mail.AttachmentHeader:
			name, _ := ph.Filename()
			ct, _, _ := ph.ContentType()
			files = append(files, name+" "+ct)
		}
	}
	if strings.Join(types, ",") != "text/plain,text/html" {
		t.Errorf("alternatives: %v", types)
	}
	if strings.Join(files, ",") != "cv.pdf application/pdf,summary.txt text/plain" {
		t.Errorf("attachments: %v", files)
	}
}

func TestTLSModes(t *testing.T) {
	ca, err := memmail.NewTestCA()
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	ca.WriteCA(caFile)
	for _, mode := range []string{"tls", "starttls"} {
		sys, srv := start(t, memmail.Options{CA: ca, ImplicitTLS: mode == "tls"})
		srv.Security, srv.CAFile = mode, caFile
		if _, err := send(t, srv, sample(t)); err != nil {
			t.Errorf("%s: %v", mode, err)
			continue
		}
		if got := sys.Sent(); len(got) != 1 || got[0].Auth == "" {
			t.Errorf("%s: sent %+v", mode, got)
		}
		// The test CA is needed: verification is always on.
		srv.CAFile = ""
		if _, err := send(t, srv, sample(t)); err == nil {
			t.Errorf("%s: untrusted certificate accepted", mode)
		}
	}
}

func TestPlaintextOnlyToLoopback(t *testing.T) {
	srv := Server{Host: "smtp.mailbox.example", Port: 25, Security: "none",
		Credential: func(context.Context) (config.Credential, error) { return config.Credential{}, nil }}
	_, err := send(t, srv, sample(t))
	var se *Error
	if !errors.As(err, &se) || se.Temporary || !strings.Contains(err.Error(), "refusing plaintext SMTP") {
		t.Errorf("err = %v", err)
	}
}

func TestXOAUTH2(t *testing.T) {
	ca, _ := memmail.NewTestCA()
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	ca.WriteCA(caFile)
	sys, srv := start(t, memmail.Options{CA: ca})
	srv.Security, srv.CAFile = "starttls", caFile
	sys.AllowToken(from, "ya29.fresh")
	calls := 0
	srv.Credential = func(context.Context) (config.Credential, error) {
		calls++
		return config.Credential{Username: from, Token: "ya29.fresh"}, nil
	}
	if _, err := send(t, srv, sample(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := send(t, srv, sample(t)); err != nil {
		t.Fatal(err)
	}
	if got := sys.Sent(); len(got) != 2 || got[0].Auth != "XOAUTH2" {
		t.Errorf("sent %+v", got)
	}
	if calls != 2 {
		t.Errorf("token fetched %d times for 2 connections", calls)
	}
}

func TestTemporaryAndPermanentFailures(t *testing.T) {
	sys, srv := start(t, memmail.Options{})
	sys.FailNext(memmail.Fault{Code: 451, Message: "try again later"})
	_, err := send(t, srv, sample(t))
	var se *Error
	if !errors.As(err, &se) || !se.Temporary || se.Code != 451 {
		t.Errorf("451: %v (%+v)", err, se)
	}
	sys.FailNext(memmail.Fault{Code: 554, Message: "rejected"})
	_, err = send(t, srv, sample(t))
	if !errors.As(err, &se) || se.Temporary || se.Code != 554 {
		t.Errorf("554: %v (%+v)", err, se)
	}
	m := sample(t)
	m.ToAddr = "nobody@hospital.test"
	_, err = send(t, srv, m)
	if !errors.As(err, &se) || se.Temporary || !strings.Contains(err.Error(), "no such user") {
		t.Errorf("bad address: %v", err)
	}
	reply, err := send(t, srv, sample(t))
	if err != nil || len(sys.Sent()) != 1 {
		t.Errorf("after faults: %q %v, sent %d", reply, err, len(sys.Sent()))
	}
	// A server that is not there is a temporary failure.
	srv.Port = 1
	_, err = send(t, srv, sample(t))
	if !errors.As(err, &se) || !se.Temporary {
		t.Errorf("connection refused: %v", err)
	}
}

func TestMissingAttachment(t *testing.T) {
	m := sample(t)
	m.Attachments = []Attachment{{Name: "cv.pdf", Path: "/nonexistent/cv.pdf"}}
	if _, err := Compose(m); err == nil || !strings.Contains(err.Error(), "attachment cv.pdf") {
		t.Errorf("err = %v", err)
	}
}
