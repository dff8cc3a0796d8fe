package e2e

import (
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
)

// TestEndToEnd is the whole flow against Dovecot and Postfix: drafts
// appear, nothing leaves before approval, approved mail arrives once in
// each writer's INBOX and once in the applicant's Sent folder, the
// writers' replies are read and classified, and the right next drafts
// appear. It reports the reply latency: Postfix accepting a reply →
// the new state visible in `status --json`.
func TestEndToEnd(t *testing.T) {
	w := newWorld(t)
	w.write()
	out := w.lk("check")
	if !strings.Contains(out, "ok    imap 127.0.0.1") || !strings.Contains(out, "ok    smtp 127.0.0.1") {
		t.Errorf("check against the stack:\n%s", out)
	}
	p := w.start()
	eventually(t, 20*time.Second, "four drafts planned", func() bool { return len(w.drafts()) == 4 })
	time.Sleep(time.Second)
	for id, addr := range w.writers {
		if n := len(mailbox(t, addr, "INBOX")); n != 0 {
			t.Fatalf("%s received %d messages before any approval", id, n)
		}
	}
	var ids []string
	for _, d := range w.drafts() {
		ids = append(ids, strconv.FormatInt(d.ID, 10))
	}
	w.lk(append([]string{"drafts", "approve"}, ids...)...)
	for id, addr := range w.writers {
		eventually(t, 20*time.Second, id+" receives the request", func() bool { return len(mailbox(t, addr, "INBOX")) == 1 })
	}
	eventually(t, 10*time.Second, "four copies in Sent", func() bool { return len(mailbox(t, w.applicant, "Sent")) == 4 })
	first := map[string][]byte{}
	for id, addr := range w.writers {
		first[id] = mailbox(t, addr, "INBOX")[0]
	}
	if s := w.status(); s["smith"].State != "asked" || s["patel"].State != "waiting" {
		t.Fatalf("after sending: %+v", s)
	}

	var latencies []time.Duration
	send := func(id, raw string, done func(row) bool) {
		accepted := deliver(t, w.writers[id], w.applicant, raw)
		eventually(t, 15*time.Second, id+"'s reply shows in status", func() bool { return done(w.status()[id]) })
		latencies = append(latencies, time.Since(accepted))
	}
	ask := func(id string) (string, string) {
		return header(first[id], "Subject"), strings.Trim(header(first[id], "Message-ID"), "<>")
	}
	subj, mid := ask("smith")
	send("smith", reply(w.writers["smith"], "Jane Smith", w.applicant, "Re: "+subj, mid,
		"Dear Amara,\n\nI would be delighted to write you a strong letter of recommendation. You were outstanding.\n\nJane\n"),
		func(r row) bool { return r.State == "agreed" })
	subj, mid = ask("nguyen")
	send("nguyen", reply(w.writers["nguyen"], "Linh Nguyen", w.applicant, "Re: "+subj, mid,
		"Hi Amara,\n\nI can write you a standard letter.\n\nLinh\n\nOn Tue, Jun 1, 2027 at 9:00 AM Amara Okafor <"+w.applicant+"> wrote:\n"+
			"> Would you feel comfortable writing me a strong letter of recommendation?\n"),
		func(r row) bool { return r.State == "flagged" })
	subj, mid = ask("adeyemi")
	send("adeyemi", reply(w.writers["adeyemi"], "Bola Adeyemi", w.applicant, "Re: "+subj, mid,
		"Dear Amara,\n\nI am sorry, but I will not be able to write a letter for you this year.\n\nBola\n"),
		func(r row) bool { return r.State == "declined" })
	subj, mid = ask("patel")
	send("patel", reply(w.writers["patel"], "Priya Patel", w.applicant, "Automatic reply: "+subj, mid,
		"I am out of the office until December 20 with limited access to email.\n", "Auto-Submitted: auto-replied"),
		func(r row) bool { return r.LastReplyKind == "auto_reply" })
	// A forged notice first: anyone can write the portal's From. It is
	// shown as a claim; the letter does not move.
	deliver(t, w.portal, w.applicant, reply(w.portal, "Letters Portal", w.applicant, "Letter received", "",
		"Dr. Priya Patel has uploaded a letter of recommendation for Amara Okafor.\n", "Auto-Submitted: auto-generated"))
	eventually(t, 15*time.Second, "the forged notice shows as a claim", func() bool { return len(w.status()["patel"].Claims) == 1 })
	if r := w.status()["patel"]; r.State == "uploaded" {
		t.Fatalf("a forged notice moved the letter: %+v", r)
	}
	accepted := deliver(t, w.portal, w.applicant, verified(reply(w.portal, "Letters Portal", w.applicant, "Letter received", "",
		"Dr. Priya Patel has uploaded a letter of recommendation for Amara Okafor.\n", "Auto-Submitted: auto-generated"), w.portal))
	eventually(t, 15*time.Second, "the upload notice shows", func() bool { return w.status()["patel"].State == "uploaded" })
	latencies = append(latencies, time.Since(accepted))

	s := w.status()
	if !s["nguyen"].Flagged || !strings.Contains(strings.Join(s["nguyen"].Evidence, " "), "standard letter") {
		t.Errorf("nguyen's flag lacks its evidence: %+v", s["nguyen"])
	}
	want := map[string]string{"smith": "follow_up", "nguyen": "alternate", "adeyemi": "thank_you", "patel": "thank_you"}
	for id, tpl := range want {
		if got := w.draftsOf(id); len(got) != 1 || got[0] != tpl {
			t.Errorf("%s: drafts %v, want [%s]", id, got, tpl)
		}
	}
	// Exactly once, still.
	for id, addr := range w.writers {
		if n := len(mailbox(t, addr, "INBOX")); n != 1 {
			t.Errorf("%s has %d messages, want 1", id, n)
		}
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	t.Logf("reply latency (Postfix accepted → status --json), %d replies: min %v, median %v, max %v",
		len(latencies), latencies[0].Round(time.Millisecond), latencies[len(latencies)/2].Round(time.Millisecond),
		latencies[len(latencies)-1].Round(time.Millisecond))
	if latencies[len(latencies)-1] > 3*time.Second {
		t.Errorf("slowest reply took %v to show", latencies[len(latencies)-1])
	}
	p.stop()
}

// TestReminderThenUpload: with the schedule compressed to seconds, a
// silent writer gets a reminder draft; after an upload notice, no more
// reminders and a thank-you.
func TestReminderThenUpload(t *testing.T) {
	w := newWorld(t)
	w.configure = func(c *config.Config) {
		five := 5
		c.Schedule.FirstReminderAfter, c.Schedule.ReminderEvery, c.Schedule.MaxReminders = config.Duration(2*time.Second), config.Duration(2*time.Second), &five
	}
	w.write()
	w.start()
	eventually(t, 20*time.Second, "drafts planned", func() bool { return len(w.drafts()) == 4 })
	for _, d := range w.drafts() {
		if d.Writer == "smith" {
			w.lk("drafts", "approve", strconv.FormatInt(d.ID, 10))
		} else {
			w.lk("drafts", "discard", strconv.FormatInt(d.ID, 10))
		}
	}
	eventually(t, 20*time.Second, "a reminder for the silent writer", func() bool {
		d := w.draftsOf("smith")
		return len(d) == 1 && d[0] == "reminder"
	})
	deliver(t, w.portal, w.applicant, verified(reply(w.portal, "Letters Portal", w.applicant, "Letter uploaded", "",
		"The letter of recommendation from Dr. Jane Smith has been submitted successfully.\n"), w.portal))
	eventually(t, 15*time.Second, "the upload is seen", func() bool { return w.status()["smith"].State == "uploaded" })
	if d := w.draftsOf("smith"); len(d) != 1 || d[0] != "thank_you" {
		t.Fatalf("after the upload: drafts %v, want only the thank-you", d)
	}
	time.Sleep(5 * time.Second)
	if d := w.draftsOf("smith"); len(d) != 1 || d[0] != "thank_you" {
		t.Errorf("5s after the upload: drafts %v; a reminder came back", d)
	}
}
