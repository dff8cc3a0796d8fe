package demo

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
)

type writer struct{ id, name, email string }

var writerEmails = map[string]string{
	"smith":   "jsmith@hospital.test",
	"patel":   "ppatel@hospital.test",
	"nguyen":  "lnguyen@clinic.test",
	"adeyemi": "badeyemi@university.test",
}

var writers = func() []writer {
	var out []writer
	for _, id := range sample.IDs {
		out = append(out, writer{id, sample.Names[id], writerEmails[id]})
	}
	return out
}()

var writerAddrs = func() []string {
	var out []string
	for _, w := range writers {
		out = append(out, w.email)
	}
	return out
}()

func writerByID(id string) writer {
	for _, w := range writers {
		if w.id == id {
			return w
		}
	}
	return writer{}
}

// demoConfig is the demo's sample applicant on the embedded servers,
// with a schedule compressed into seconds.
func demoConfig(imapAddr, smtpAddr string, deadline time.Time) *config.Config {
	ih, ip, _ := net.SplitHostPort(imapAddr)
	sh, sp, _ := net.SplitHostPort(smtpAddr)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	secret := config.Secret{PasswordCmd: "printf " + password}
	two := 2
	a := sample.Applicant(applicant, "materials/cv.pdf", "materials/personal_statement.pdf")
	a.Deadline = config.Date{Time: deadline}
	return &config.Config{State: "demo.db", Applicant: a,
		IMAP: config.IMAP{Host: ih, Port: atoi(ip), Security: "none", Username: applicant, Secret: secret,
			IdleRenew: config.Duration(time.Minute)},
		SMTP: config.SMTP{Host: sh, Port: atoi(sp), Security: "none", Username: applicant, Secret: secret, SentCopy: "append"},
		Schedule: config.Schedule{FirstReminderAfter: config.Duration(6 * time.Second), ReminderEvery: config.Duration(6 * time.Second),
			MaxReminders: &two, DigestEvery: sample.String(""), BusinessHours: sample.Bool(false)},
		Portals: config.Portals{Senders: []string{portal}, AuthservID: memmail.AuthservID},
		Writers: sample.Writers(writerEmails),
	}
}

const smithReply = `Dear Amara,

Of course. You were one of the most engaged observers we have had this year, and I would be
glad to write you a strong letter of recommendation. Please send me your CV and personal statement.

Best,
Jane
`

const nguyenReply = `Hi Amara,

Thanks for thinking of me. I can write you a standard letter, but we only worked together for a
few weeks, so it may not be very detailed.

Linh

On Mon, Jun 1, 2026 at 9:00 AM Amara Okafor <amara.okafor@inbox.test> wrote:
> Would you feel comfortable writing me a strong letter of recommendation?
`

var adeyemiAway = `Thank you for your email. I am out of the office at a conference with limited access to email
and will return on ` + time.Now().AddDate(0, 0, 10).Format("Monday, January 2, 2006") + `. I will reply when I am back.

Prof. Bola Adeyemi
`

const noticeText = `Letter of Recommendation received

Applicant: Amara Okafor (AAMC ID 14598237)
Letter writer: Dr. Priya Patel
Status: Your letter of recommendation has been uploaded successfully.

This is an automated notification from the letters portal.
`

// reply sends a writer's answer over SMTP, as their mail client would,
// threaded under the message lorkeeper sent them.
func (d *demo) reply(ctx context.Context, w writer, to store.Draft, subject, body string) {
	headers := map[string]string{}
	if strings.HasPrefix(subject, "Automatic reply:") {
		headers["Auto-Submitted"] = "auto-replied"
	}
	d.send(ctx, w.name, w.email, subject, body, to.MessageID, headers)
}

func (d *demo) notice(ctx context.Context) {
	d.send(ctx, "Letters Portal", portal, "Letter received for Amara Okafor", noticeText, "",
		map[string]string{"Auto-Submitted": "auto-generated"})
}

func (d *demo) send(ctx context.Context, name, from, subject, body, inReplyTo string, headers map[string]string) {
	host, port, _ := net.SplitHostPort(d.sys.SMTPAddr())
	p, _ := strconv.Atoi(port)
	srv := mailer.Server{Host: host, Port: p, Security: "none",
		Credential: func(context.Context) (config.Credential, error) {
			return config.Credential{Username: from, Password: password}, nil
		}}
	m := mailer.Message{FromName: name, FromAddr: from, ToName: "Amara Okafor", ToAddr: applicant,
		Subject: subject, Text: body, MessageID: fmt.Sprintf("%d.%s", time.Now().UnixNano(), from),
		InReplyTo: inReplyTo, Headers: headers}
	if inReplyTo != "" {
		m.References = []string{inReplyTo}
	}
	msg, err := mailer.Compose(m)
	if err == nil {
		_, err = srv.Send(ctx, msg, nil)
	}
	if err != nil {
		d.say("  (could not send %s's message: %v)", name, err)
	}
}

func (d *demo) inboxCount() int {
	n := 0
	for _, w := range writers {
		n += d.count(w.email)
	}
	return n
}

func (d *demo) count(addr string) int {
	msgs, _ := d.sys.Messages(addr, "INBOX")
	return len(msgs)
}

// sentByWriter returns the first message sent to each writer.
func (d *demo) sentByWriter(ctx context.Context) map[string]store.Draft {
	out := map[string]store.Draft{}
	ds, _ := d.k.Drafts(ctx, store.Sent)
	for _, x := range ds {
		if _, ok := out[x.Writer]; !ok {
			out[x.Writer] = x
		}
	}
	return out
}

// wait polls cond every 50ms until it holds, ctx ends or 15s pass.
func wait(ctx context.Context, what string, cond func() (bool, error)) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := cond()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("demo: gave up waiting for %s", what)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (d *demo) waitDrafts(ctx context.Context, n int, status store.Status) ([]store.Draft, error) {
	var ds []store.Draft
	err := wait(ctx, fmt.Sprintf("%d drafts", n), func() (bool, error) {
		var err error
		ds, err = d.k.Drafts(ctx, status)
		return len(ds) >= n, err
	})
	return ds, err
}

func (d *demo) waitDraft(ctx context.Context, writer, template string) (store.Draft, error) {
	var found store.Draft
	err := wait(ctx, template+" draft for "+writer, func() (bool, error) {
		ds, err := d.k.Drafts(ctx, store.Pending)
		for _, x := range ds {
			if x.Writer == writer && x.Template == template {
				found = x
				return true, nil
			}
		}
		return false, err
	})
	return found, err
}

func (d *demo) waitSent(ctx context.Context, ids ...int64) error {
	return wait(ctx, "the approved drafts to be sent", func() (bool, error) {
		for _, id := range ids {
			x, err := d.k.Draft(ctx, id)
			if err != nil {
				return false, err
			}
			if x.Status == store.Failed {
				return false, fmt.Errorf("demo: draft %d failed: %s", id, x.LastError)
			}
			if x.Status != store.Sent {
				return false, nil
			}
		}
		return true, nil
	})
}

func (d *demo) waitState(ctx context.Context, writer, state string) error {
	return wait(ctx, writer+" to be "+state, func() (bool, error) {
		rows, err := d.k.Status(ctx)
		for _, r := range rows {
			if r.Writer == writer && r.State == state {
				return true, nil
			}
		}
		return false, err
	})
}

func (d *demo) waitReply(ctx context.Context, writer, kind string) error {
	return wait(ctx, "a "+kind+" reply from "+writer, func() (bool, error) {
		rows, err := d.k.Status(ctx)
		for _, r := range rows {
			if r.Writer == writer && r.LastReplyKind == kind {
				return true, nil
			}
		}
		return false, err
	})
}

// samplePDF is a one-page PDF saying what the file stands for.
func samplePDF(name string) []byte {
	content := fmt.Sprintf("BT /F1 14 Tf 72 720 Td (Amara Okafor - %s - demo file) Tj ET", name)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}
