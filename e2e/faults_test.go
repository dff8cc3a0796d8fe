package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
)

func approveAll(w *world) {
	var ids []string
	for _, d := range w.drafts() {
		if d.Status == "pending" || d.Status == "held" {
			ids = append(ids, strconv.FormatInt(d.ID, 10))
		}
	}
	if len(ids) > 0 {
		w.lk(append([]string{"drafts", "approve"}, ids...)...)
	}
}

// TestKillDuringSendAndReceive kills the daemon with SIGKILL at random
// moments while it sends and while replies arrive, and restarts it:
// nothing is sent twice, no reply is lost.
func TestKillDuringSendAndReceive(t *testing.T) {
	w := newWorld(t)
	w.write()
	p := w.start()
	eventually(t, 20*time.Second, "drafts planned", func() bool { return len(w.drafts()) == 4 })
	approveAll(w)
	kills := 0
	for round := 0; round < 4; round++ {
		time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
		p.kill()
		kills++
		p = w.start()
		time.Sleep(300 * time.Millisecond)
	}
	// Held drafts (killed between the final "." and the server's answer:
	// maybe gone) are the applicant's call: here they look whether the
	// writer got it, and record it as sent, or send it again.
	held := 0
	eventually(t, 30*time.Second, "every draft sent or held", func() bool {
		for _, d := range w.drafts() {
			if d.Status != "held" {
				continue
			}
			held++
			if n := len(mailbox(t, w.writers[d.Writer], "INBOX")); n == 0 {
				w.lk("drafts", "send-again", strconv.FormatInt(d.ID, 10))
			} else {
				w.lk("drafts", "sent", strconv.FormatInt(d.ID, 10))
			}
		}
		sent := 0
		for _, addr := range w.writers {
			sent += len(mailbox(t, addr, "INBOX"))
		}
		return sent == 4 && len(w.drafts()) == 0
	})
	for id, addr := range w.writers {
		if n := len(mailbox(t, addr, "INBOX")); n != 1 {
			t.Errorf("%s received %d copies", id, n)
		}
	}
	// Replies arrive while the daemon is killed again and again.
	for i, id := range []string{"smith", "nguyen", "adeyemi"} {
		body := []string{"I would be delighted to write you a strong letter.\n", "I can write you a standard letter.\n",
			"I'm sorry, I cannot write a letter for you.\n"}[i]
		deliver(t, w.writers[id], w.applicant, reply(w.writers[id], id, w.applicant, "Re: letter", "", body))
		time.Sleep(time.Duration(rand.IntN(300)) * time.Millisecond)
		p.kill()
		kills++
		p = w.start()
	}
	want := map[string]string{"smith": "agreed", "nguyen": "flagged", "adeyemi": "declined"}
	eventually(t, 30*time.Second, "every reply processed", func() bool {
		s := w.status()
		for id, st := range want {
			if s[id].State != st {
				return false
			}
		}
		return true
	})
	// Each reply recorded once.
	for id := range want {
		hist := w.lk("status", id)
		if n := strings.Count(hist, "read "); n != 1 {
			t.Errorf("%s: %d replies recorded, want 1:\n%s", id, n, hist)
		}
	}
	t.Logf("%d SIGKILLs: 4 requests delivered exactly once (%d held for the applicant), 3 replies processed exactly once", kills, held)
}

// TestDovecotRestartLosesNoReply stops Dovecot while the daemon idles,
// delivers a reply (Postfix queues it), starts Dovecot again: the reply
// is processed.
func TestDovecotRestartLosesNoReply(t *testing.T) {
	w := newWorld(t)
	w.write()
	p := w.start()
	p.waitLog(t, 20*time.Second, "watching mailbox")
	stk.control(t, "stop-dovecot")
	defer stk.control(t, "start-dovecot")
	deliver(t, w.writers["smith"], w.applicant, reply(w.writers["smith"], "Jane Smith", w.applicant, "Re: letter", "",
		"I would be delighted to write you a strong letter of recommendation.\n"))
	time.Sleep(2 * time.Second)
	stk.control(t, "start-dovecot")
	d := eventually(t, 60*time.Second, "the reply sent while Dovecot was down", func() bool {
		return w.status()["smith"].LastReplyKind == "strong_yes"
	})
	t.Logf("Dovecot down 2s; the reply was processed %v after it came back", d.Round(time.Millisecond))
}

// TestPostfixTryLater: the submission server answers 4xx, then accepts:
// the draft is retried and sent exactly once.
func TestPostfixTryLater(t *testing.T) {
	w := newWorld(t)
	w.write()
	w.start()
	eventually(t, 20*time.Second, "drafts planned", func() bool { return len(w.drafts()) == 4 })
	stk.control(t, "defer", "on")
	defer stk.control(t, "defer", "off")
	var smith draft
	for _, d := range w.drafts() {
		if d.Writer == "smith" {
			smith = d
		}
	}
	w.lk("drafts", "approve", strconv.FormatInt(smith.ID, 10))
	eventually(t, 15*time.Second, "the 4xx recorded", func() bool {
		out := w.lk("drafts", "show", strconv.FormatInt(smith.ID, 10))
		return strings.Contains(out, "Last error:") && strings.Contains(out, "45")
	})
	if n := len(mailbox(t, w.writers["smith"], "INBOX")); n != 0 {
		t.Fatalf("delivered despite 4xx")
	}
	stk.control(t, "defer", "off")
	eventually(t, 30*time.Second, "sent after the server accepts again", func() bool {
		return len(mailbox(t, w.writers["smith"], "INBOX")) == 1
	})
	time.Sleep(3 * time.Second)
	if n := len(mailbox(t, w.writers["smith"], "INBOX")); n != 1 {
		t.Errorf("%d copies after retries", n)
	}
}

// TestWrongPasswordIsolated runs two applicants in one process, one with
// a wrong IMAP password: a clear error for it, the other keeps working.
func TestWrongPasswordIsolated(t *testing.T) {
	bad := newWorld(t)
	bad.imapSecret = config.Secret{PasswordEnv: "LK_E2E_BAD"}
	bad.write()
	good := newWorld(t)
	good.write()
	p := good.start(bad.cfg, good.cfg)
	p.waitLog(t, 20*time.Second, "login refused for "+bad.applicant)
	eventually(t, 20*time.Second, "the good applicant's drafts", func() bool { return len(good.drafts()) == 4 })
	approveAll(good)
	eventually(t, 20*time.Second, "the good applicant's mail sent", func() bool {
		return len(mailbox(t, good.writers["smith"], "INBOX")) == 1
	})
	deliver(t, good.writers["smith"], good.applicant, reply(good.writers["smith"], "Jane", good.applicant, "Re: x", "",
		"Absolutely, I would be glad to write a strong letter.\n"))
	eventually(t, 15*time.Second, "the good applicant's reply", func() bool { return good.status()["smith"].State == "agreed" })
	if strings.Contains(p.logText(), "wrong-password") {
		t.Error("the password appears in the log")
	}
}

// TestMalformedAndHugeMessages puts a malformed message and a 20 MB one
// from writers in the INBOX: each is handled with a log line, the daemon
// keeps going and its memory stays bounded.
func TestMalformedAndHugeMessages(t *testing.T) {
	w := newWorld(t)
	w.write()
	c := imapLogin(t, w.applicant)
	appendRaw := func(raw []byte) {
		cmd := c.Append("INBOX", int64(len(raw)), nil)
		cmd.Write(raw)
		cmd.Close()
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	huge := []byte(fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: Re: letter\r\nMessage-ID: <huge@x.test>\r\nMIME-Version: 1.0\r\n"+
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHere are the scans you wanted.\r\n"+
		"--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n", w.writers["patel"], w.applicant))
	line := []byte(strings.Repeat("QUFB", 19) + "\r\n")
	for len(huge) < 20<<20 {
		huge = append(huge, line...)
	}
	huge = append(huge, "--b--\r\n"...)
	appendRaw(huge)
	appendRaw([]byte(fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: =?utf-8?q?broken\r\nMessage-ID: <bad@x.test>\r\nMIME-Version: 1.0\r\n"+
		"Content-Type: multipart/alternative; boundary=\"zz\"\r\nContent-Transfer-Encoding: base64\r\n\r\n--zz\r\nContent-Type: text/plain; charset=nonsense-8\r\n"+
		"Content-Transfer-Encoding: quoted-printable\r\n\r\nI can write you a standard letter=\r\n=ZZ=\r\n", w.writers["nguyen"], w.applicant)))
	c.Close()
	p := w.start()
	p.waitLog(t, 20*time.Second, "caught up")
	deliver(t, w.writers["smith"], w.applicant, reply(w.writers["smith"], "Jane", w.applicant, "Re: x", "",
		"Absolutely, I would be glad to write a strong letter.\n"))
	eventually(t, 15*time.Second, "a normal reply after the odd ones", func() bool { return w.status()["smith"].State == "agreed" })
	s := w.status()
	if s["patel"].LastReplyKind == "" || s["nguyen"].LastReplyKind == "" {
		t.Errorf("odd messages not recorded: patel %+v nguyen %+v", s["patel"], s["nguyen"])
	}
	rss := p.peakRSS()
	t.Logf("peak RSS with a 20 MB message in the INBOX: %.1f MB", rss)
	if rss > 100 {
		t.Errorf("peak RSS %.1f MB", rss)
	}
	log := p.logText()
	if !strings.Contains(log, "large message: read only its first part") {
		t.Error("no log line for the 20 MB message")
	}
	if !strings.Contains(log, "writer=nguyen") {
		t.Error("no log line for the malformed message")
	}
}

// TestConfigReload: an edited config is reloaded on SIGHUP; a broken one
// is refused with its error and the old one keeps running.
func TestConfigReload(t *testing.T) {
	w := newWorld(t)
	w.write()
	p := w.start()
	eventually(t, 20*time.Second, "drafts planned", func() bool { return len(w.drafts()) == 4 })
	okoro := fmt.Sprintf("okoro-%d@hospital.test", seq.Add(1))
	w.configure = func(c *config.Config) {
		start, _ := time.Parse("2006-01-02", "2026-05-01")
		c.Writers = append(c.Writers, config.Writer{ID: "okoro", Name: "Dr. Ada Okoro", Email: okoro, Field: "other",
			Experience: "surgery elective", ExperienceStart: config.Date{Time: start}, ExperienceEnd: config.Date{Time: start.AddDate(0, 0, 27)}})
	}
	w.write()
	p.signal(syscall.SIGHUP)
	eventually(t, 20*time.Second, "the new writer's draft after SIGHUP", func() bool { return len(w.draftsOf("okoro")) == 1 })
	good, _ := os.ReadFile(w.cfg)
	os.WriteFile(w.cfg, append(good, []byte("\nbogus = 1\n")...), 0o600)
	p.signal(syscall.SIGHUP)
	p.waitLog(t, 10*time.Second, "config refused; the previous version keeps running")
	// The command line reads a good copy beside it (same state file).
	w.cfg = filepath.Join(w.dir, "good.toml")
	os.WriteFile(w.cfg, good, 0o600)
	approveAll(w)
	eventually(t, 20*time.Second, "the old config still sends", func() bool {
		return len(mailbox(t, w.writers["smith"], "INBOX")) == 1
	})
}
