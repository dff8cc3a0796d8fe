package bench

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/store"
)

var ctx = context.Background()

// reply is a writer's reply as the watcher hands it to the sink.
func reply(from string, n int, body string, extra string) []byte {
	return []byte(strings.ReplaceAll(fmt.Sprintf("From: Dr. Jane Smith <%s>\nTo: %s\nSubject: Re: Letter of recommendation\n"+
		"Message-ID: <bench-%d@hospital.test>\nDate: %s\n%sMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s",
		from, testenv.Applicant, n, time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC).Format(time.RFC1123Z), extra, body), "\n", "\r\n"))
}

var bodies = []struct{ body, extra string }{
	{"Dear Amara,\n\nCould you send me your CV and personal statement before I start writing?\n\nJane\n", ""},
	{"I am out of the office until December 20 with limited access to email.\n", "Auto-Submitted: auto-replied\n"},
}

func setup(b *testing.B) *testenv.Env {
	e := testenv.New(b, testenv.Options{})
	if _, err := e.Keeper.Start(ctx); err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkDeliverReply: a new reply from a writer — parse, classify,
// match, and one SQLite transaction recording it, its effect on the
// letter and the checkpoint. This is lorkeeper's cost per message that
// matters, on top of the server's FETCH.
func BenchmarkDeliverReply(b *testing.B) {
	e := setup(b)
	msgs := make([][]byte, 0, 1024)
	for i := range 1024 {
		bd := bodies[i%len(bodies)]
		msgs = append(msgs, reply(testenv.Writers["smith"], i, bd.body, bd.extra))
	}
	b.ReportAllocs()
	uid := uint32(0)
	for b.Loop() {
		uid++
		raw := msgs[int(uid-1)%len(msgs)]
		if int(uid) > len(msgs) { // a fresh Message-ID, or it is a duplicate
			raw = reply(testenv.Writers["smith"], int(uid), bodies[uid%2].body, bodies[uid%2].extra)
		}
		if err := e.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: uid}, raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeliverDuplicate: a message seen before (a rescan after a
// UIDVALIDITY change): parse, look up its Message-ID, move the checkpoint.
func BenchmarkDeliverDuplicate(b *testing.B) {
	e := setup(b)
	raw := reply(testenv.Writers["smith"], 0, bodies[0].body, bodies[0].extra)
	if err := e.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: 1}, raw); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	uid := uint32(1)
	for b.Loop() {
		uid++
		if err := e.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: uid}, raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeliverStranger: mail the server's SEARCH let through that
// belongs to no writer (a thread reply from someone else): parse, match
// nothing, move the checkpoint.
func BenchmarkDeliverStranger(b *testing.B) {
	e := setup(b)
	b.ReportAllocs()
	uid := uint32(0)
	for b.Loop() {
		uid++
		raw := []byte(strings.ReplaceAll(fmt.Sprintf("From: someone@news.example\nTo: %s\nSubject: hello\nMessage-ID: <s-%d@news.example>\n\nhi\n",
			testenv.Applicant, uid), "\n", "\r\n"))
		if err := e.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: uid}, raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSyncBookkeeping: what every sync does around the server's
// commands: read the checkpoint, build the query, advance the checkpoint.
func BenchmarkSyncBookkeeping(b *testing.B) {
	e := setup(b)
	b.ReportAllocs()
	uid := uint32(0)
	for b.Loop() {
		uid++
		if _, err := e.Keeper.Checkpoint(ctx, "INBOX"); err != nil {
			b.Fatal(err)
		}
		if _, err := e.Keeper.Watched(ctx); err != nil {
			b.Fatal(err)
		}
		if err := e.Keeper.Advance(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: uid}); err != nil {
			b.Fatal(err)
		}
	}
}
