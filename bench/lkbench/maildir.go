//go:build linux

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// mailMsg is one generated message: its text and its date (which also
// becomes the maildir file's mtime, Dovecot's INTERNALDATE for maildir).
type mailMsg struct {
	date time.Time
	raw  string
	seen bool
}

// mailbox is an applicant's INBOX to generate: noise over several years,
// and the messages that matter (from the writers and the portal) in the
// last weeks.
type mailbox struct {
	dir       string // the maildir (DIR/mail/<domain>/<local>)
	applicant string
	noise     int       // messages from anybody else
	years     int       // noise spread over this many years, ending now
	writers   []writer  // their replies are the messages that matter
	portal    string    // sender of upload notices
	matching  int       // how many messages from writers and the portal
	recent    time.Time // messages that matter are dated after this
	seed      uint64
}

type genStats struct {
	files    int
	bytes    int64
	matching int
	seen     int // the oldest this many are to be marked \Seen
	elapsed  time.Duration
}

var (
	firstNames = []string{"Alex", "Sam", "Maria", "Wei", "Fatima", "John", "Olu", "Priya", "Carlos", "Hannah", "Yuki", "Ahmed", "Lena", "Tom", "Grace", "Ivan", "Chioma", "Ravi", "Sofia", "Ben"}
	lastNames  = []string{"Garcia", "Chen", "Okafor", "Müller", "Kumar", "Brown", "Ivanova", "Tanaka", "Haddad", "Rossi", "Mensah", "Kowalski", "Silva", "Nakamura", "Johnson", "Adeyinka", "Park", "Novak", "Hughes", "Costa"}
	domains    = []string{"gmail.example", "outlook.example", "yahoo.example", "uni-lagos.example", "med.example.edu", "hospital.test", "clinic.test", "news.example", "journal.example", "bank.example", "shop.example", "airline.example", "nrmp.example", "usmle.example"}
	subjects   = []string{"Re: rotation schedule", "Your order has shipped", "Grand rounds this Thursday", "Re: case presentation slides", "Weekly radiology digest", "Invitation: journal club", "Fwd: USMLE Step 2 score report", "Your statement is ready", "Re: research abstract draft", "Flight confirmation", "Re: lunch tomorrow?", "Newsletter: imaging updates", "Re: observership paperwork", "Password reset", "Re: Re: teaching file cases", "Conference registration confirmed", "Re: visa appointment", "Meeting notes", "Re: call schedule swap", "Reminder: webinar starts soon"}
	words      = strings.Fields("the patient imaging scan report study chest abdomen contrast follow up schedule meeting please thanks regards review attached slides case conference rotation week next today tomorrow results protocol resident faculty department hospital clinic update reminder order account statement flight seat confirm")
)

func person(r *rand.Rand) (string, string) {
	f := firstNames[r.IntN(len(firstNames))]
	l := lastNames[r.IntN(len(lastNames))]
	d := domains[r.IntN(len(domains))]
	local := strings.ToLower(f) + "." + strings.ToLower(strings.ReplaceAll(l, "ü", "u")) + strconv.Itoa(r.IntN(50))
	return f + " " + l, local + "@" + d
}

func sentence(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

func msgID(r *rand.Rand, domain string) string {
	return fmt.Sprintf("%x.%x@%s", r.Uint64(), r.Uint32(), domain)
}

// noiseMessage is a message nobody lorkeeper cares about: a colleague, a
// newsletter, a receipt; some are replies (In-Reply-To, References), a
// few are multipart with an attachment.
func noiseMessage(r *rand.Rand, to string, date time.Time) string {
	name, addr := person(r)
	domain := addr[strings.IndexByte(addr, '@')+1:]
	var b strings.Builder
	fmt.Fprintf(&b, "Return-Path: <%s>\nDelivered-To: %s\n", addr, to)
	fmt.Fprintf(&b, "Received: from mx%d.%s (mx%d.%s [192.0.2.%d])\n\tby mail.lorkeeper.test with ESMTPS id %x\n\tfor <%s>; %s\n",
		r.IntN(9), domain, r.IntN(9), domain, r.IntN(250)+1, r.Uint32(), to, date.Format(time.RFC1123Z))
	fmt.Fprintf(&b, "From: %s <%s>\nTo: Amara Okafor <%s>\n", name, addr, to)
	subj := subjects[r.IntN(len(subjects))]
	fmt.Fprintf(&b, "Subject: %s\nDate: %s\nMessage-ID: <%s>\n", subj, date.Format(time.RFC1123Z), msgID(r, domain))
	if strings.HasPrefix(subj, "Re:") || r.IntN(4) == 0 {
		parent := msgID(r, "gmail.example")
		fmt.Fprintf(&b, "In-Reply-To: <%s>\nReferences: <%s> <%s>\n", parent, msgID(r, domain), parent)
	}
	if strings.Contains(subj, "digest") || strings.Contains(subj, "Newsletter") || strings.Contains(subj, "webinar") {
		fmt.Fprintf(&b, "List-Unsubscribe: <mailto:unsubscribe@%s>\nList-Id: <news.%s>\nPrecedence: bulk\n", domain, domain)
	}
	b.WriteString("MIME-Version: 1.0\n")
	body := func() string {
		var t strings.Builder
		fmt.Fprintf(&t, "Hi Amara,\n\n")
		for i, n := 0, 2+r.IntN(20); i < n; i++ {
			t.WriteString(sentence(r, 8+r.IntN(10)))
			t.WriteString(".\n")
		}
		fmt.Fprintf(&t, "\nBest,\n%s\n", name)
		return t.String()
	}
	switch k := r.IntN(100); {
	case k < 1: // an attachment
		boundary := fmt.Sprintf("b%x", r.Uint64())
		fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=%q\n\n--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n--%s\n"+
			"Content-Type: application/pdf; name=\"notes.pdf\"\nContent-Disposition: attachment; filename=\"notes.pdf\"\nContent-Transfer-Encoding: base64\n\n",
			boundary, boundary, body(), boundary)
		blob := make([]byte, 45000)
		for i := range blob {
			blob[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[r.IntN(64)]
		}
		for i := 0; i < len(blob); i += 76 {
			b.Write(blob[i:min(i+76, len(blob))])
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "--%s--\n", boundary)
	case k < 30: // text and HTML
		boundary := fmt.Sprintf("a%x", r.Uint64())
		text := body()
		fmt.Fprintf(&b, "Content-Type: multipart/alternative; boundary=%q\n\n--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n--%s\n"+
			"Content-Type: text/html; charset=utf-8\n\n<html><body><p>%s</p></body></html>\n--%s--\n",
			boundary, boundary, text, boundary, strings.ReplaceAll(text, "\n", "<br>\n"), boundary)
	default:
		b.WriteString("Content-Type: text/plain; charset=utf-8\n\n")
		b.WriteString(body())
	}
	return b.String()
}

// Kinds of reply a writer's message in the generated mailbox carries.
var writerBodies = []struct {
	subject, body, extra string
}{
	{"Re: Letter of recommendation", "Dear Amara,\n\nI would be delighted to write you a strong letter of recommendation. You were outstanding on the rotation.\n\n%s\n", ""},
	{"Re: Letter of recommendation", "Dear Amara,\n\nCould you send me your CV and personal statement before I start writing?\n\n%s\n", ""},
	{"Automatic reply: Letter of recommendation", "I am out of the office until next Monday with limited access to email.\n", "Auto-Submitted: auto-replied\n"},
	{"Re: Letter of recommendation", "Hi Amara,\n\nThanks for the reminder. I will get to it next week.\n\n%s\n", ""},
	{"Re: grand rounds slides", "Amara,\n\nThe slides look good; see you on Thursday.\n\n%s\n", ""},
}

func writerMessage(r *rand.Rand, w writer, to string, date time.Time, i int) string {
	t := writerBodies[i%len(writerBodies)]
	body := t.body
	if strings.Contains(body, "%s") {
		body = fmt.Sprintf(body, strings.Fields(w.name)[1])
	}
	return fmt.Sprintf("Return-Path: <%s>\nDelivered-To: %s\nFrom: %s <%s>\nTo: Amara Okafor <%s>\nSubject: %s\nDate: %s\nMessage-ID: <%s>\n%sMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s",
		w.email, to, w.name, w.email, to, t.subject, date.Format(time.RFC1123Z), msgID(r, "hospital.test"), t.extra, body)
}

func portalMessage(r *rand.Rand, from string, w writer, to string, date time.Time) string {
	return fmt.Sprintf("From: Letters Portal <%s>\nTo: %s\nSubject: Letter received\nDate: %s\nMessage-ID: <%s>\nAuto-Submitted: auto-generated\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s has uploaded a letter of recommendation for Amara Okafor.\n",
		from, to, date.Format(time.RFC1123Z), msgID(r, "portal.test"), w.name)
}

// messages returns the mailbox's messages in date order.
func (mb *mailbox) messages() []mailMsg {
	r := rand.New(rand.NewPCG(mb.seed, 0x6c6b))
	now := time.Now()
	span := time.Duration(mb.years) * 365 * 24 * time.Hour
	out := make([]mailMsg, 0, mb.noise+mb.matching)
	for i := 0; i < mb.noise; i++ {
		d := now.Add(-time.Duration(r.Int64N(int64(span)))).Truncate(time.Second)
		out = append(out, mailMsg{date: d, raw: noiseMessage(r, mb.applicant, d), seen: now.Sub(d) > 14*24*time.Hour})
	}
	window := now.Sub(mb.recent)
	for i := 0; i < mb.matching; i++ {
		d := now.Add(-time.Duration(r.Int64N(int64(window)))).Truncate(time.Second)
		w := mb.writers[i%len(mb.writers)]
		var raw string
		if mb.portal != "" && i%10 == 9 {
			raw = portalMessage(r, mb.portal, w, mb.applicant, d)
		} else {
			raw = writerMessage(r, w, mb.applicant, d, i/len(mb.writers))
		}
		out = append(out, mailMsg{date: d, raw: raw, seen: now.Sub(d) > 14*24*time.Hour})
	}
	sortByDate(out)
	return out
}

func sortByDate(ms []mailMsg) {
	slices.SortStableFunc(ms, func(a, b mailMsg) int { return a.date.Compare(b.date) })
}

// write replaces the maildir's contents with the generated messages, as
// a delivery agent would leave them: new/<time>.M<n>P<pid>.lkbench,S=<size>,W=<vsize>,
// owned by the mail user, mtime = the message's date (Dovecot's
// INTERNALDATE for maildir). stack.prepare then lets Dovecot index them,
// move them to cur/ and mark the older ones \Seen, so the folder is one
// Dovecot itself has managed for years: files it renamed are in its
// uidlist under names it can open without rescanning the folder.
func (mb *mailbox) write() (genStats, error) {
	start := time.Now()
	msgs := mb.messages()
	uid, gid, err := mailOwner()
	if err != nil {
		return genStats{}, err
	}
	if err := os.RemoveAll(mb.dir); err != nil {
		return genStats{}, err
	}
	for _, sub := range []string{"", "cur", "new", "tmp"} {
		p := filepath.Join(mb.dir, sub)
		if err := os.MkdirAll(p, 0o700); err != nil {
			return genStats{}, err
		}
		if err := os.Chown(p, uid, gid); err != nil {
			return genStats{}, err
		}
	}
	// Parents created by MkdirAll (the domain folder) belong to mail too.
	_ = os.Chown(filepath.Dir(mb.dir), uid, gid)
	st := genStats{files: len(msgs), matching: mb.matching}
	for _, m := range msgs {
		if m.seen {
			st.seen++
		}
	}
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	const workers = 4
	for wkr := 0; wkr < workers; wkr++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var bytes int64
			for i := wkr; i < len(msgs); i += workers {
				m := msgs[i]
				raw := m.raw
				vsize := len(raw) + strings.Count(raw, "\n")
				// Names sort by date, so Dovecot numbers the messages in date order.
				name := fmt.Sprintf("%d.M%06dP%d.lkbench,S=%d,W=%d", m.date.Unix(), i, os.Getpid(), len(raw), vsize)
				p := filepath.Join(mb.dir, "new", name)
				err := os.WriteFile(p, []byte(raw), 0o600)
				if err == nil {
					err = os.Chown(p, uid, gid)
				}
				if err == nil {
					err = os.Chtimes(p, m.date, m.date)
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
				bytes += int64(len(raw))
			}
			mu.Lock()
			st.bytes += bytes
			mu.Unlock()
		}()
	}
	wg.Wait()
	st.elapsed = time.Since(start)
	return st, firstErr
}

func mailOwner() (int, int, error) {
	u, err := user.Lookup("mail")
	if err != nil {
		return 0, 0, fmt.Errorf("the maildirs belong to the system user mail: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return uid, gid, nil
}
