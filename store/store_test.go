package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
)

var now = time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestLetterRoundTrip(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	l := letters.Letter{Writer: "smith", State: letters.Flagged, Flagged: true, FlagReason: "hesitant",
		Evidence: []string{"a standard letter"}, LastReplyKind: letters.Hesitant, RequestedAt: now,
		LastRequestAt: now, Reminders: 2, PacketSent: true, Started: true}
	if err := s.Update(ctx, func(tx *Tx) error { return tx.PutLetter(l, now) }); err != nil {
		t.Fatal(err)
	}
	var got LetterRow
	if err := s.View(ctx, func(tx *Tx) (err error) { got, err = tx.Letter("smith"); return }); err != nil {
		t.Fatal(err)
	}
	if got.State != l.State || !got.Flagged || got.Evidence[0] != "a standard letter" || !got.RequestedAt.Equal(now) || got.Reminders != 2 {
		t.Errorf("got %+v", got)
	}
	err := s.View(ctx, func(tx *Tx) error { _, err := tx.Letter("nobody"); return err })
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("missing letter: %v", err)
	}
}

func TestDraftLifecycle(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	var id int64
	err := s.Update(ctx, func(tx *Tx) (err error) {
		id, err = tx.AddDraft(Draft{Writer: "smith", Template: "ask", ToAddr: "j@x.example", Subject: "s", Text: "t", HTML: "h",
			Attachments: []Attachment{{Name: "cv.pdf", ContentType: "application/pdf", Path: "/cv.pdf"}}}, now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// An unapproved draft is never offered for sending.
	s.View(ctx, func(tx *Tx) error {
		if _, ok, _ := tx.NextApproved(now.Add(time.Hour)); ok {
			t.Error("pending draft offered for sending")
		}
		return nil
	})
	must(t, s.Update(ctx, func(tx *Tx) error { return tx.Approve(id, now) }))
	s.Update(ctx, func(tx *Tx) error {
		d, ok, err := tx.NextApproved(now)
		if err != nil || !ok || d.ID != id || d.Attachments[0].Path != "/cv.pdf" {
			t.Fatalf("approved draft: %+v %v %v", d, ok, err)
		}
		return tx.MarkSending(id, "lk-1@x.example", "", nil, now)
	})
	// A draft in flight cannot be approved, discarded or sent again.
	err = s.Update(ctx, func(tx *Tx) error { return tx.Approve(id, now) })
	if err == nil || err.Error() != "approve: draft 1 is sending" {
		t.Errorf("approve while sending: %v", err)
	}
	must(t, s.Update(ctx, func(tx *Tx) error { return tx.MarkSent(id, "250 2.0.0 Ok: queued", CopyPending, now) }))
	s.View(ctx, func(tx *Tx) error {
		d, _ := tx.Draft(id)
		if d.Status != Sent || d.ServerReply != "250 2.0.0 Ok: queued" || d.MessageID != "lk-1@x.example" || d.Attempts != 1 {
			t.Errorf("sent draft: %+v", d)
		}
		ids, _ := tx.ThreadIDs("smith", "jsmith@hospital.test")
		if len(ids) != 1 || ids[0] != "lk-1@x.example" {
			t.Errorf("thread: %v", ids)
		}
		return nil
	})
	if err := s.Update(ctx, func(tx *Tx) error { return tx.Discard(id, now) }); err == nil {
		t.Error("discarded a sent draft")
	}
}

func TestMessageDedupAndCheckpoint(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	m := Message{Writer: "smith", MessageID: "abc@x", Mailbox: "INBOX", UIDValidity: 7, UID: 3, Kind: "strong_yes", ReceivedAt: now}
	must(t, s.Update(ctx, func(tx *Tx) error {
		if err := tx.AddMessage(m); err != nil {
			return err
		}
		return tx.SetCheckpoint("INBOX", Checkpoint{UIDValidity: 7, LastUID: 3})
	}))
	// The same Message-ID under another UID is refused by the schema.
	m.UID = 9
	if err := s.Update(ctx, func(tx *Tx) error { return tx.AddMessage(m) }); err == nil {
		t.Error("duplicate Message-ID stored twice")
	}
	s.View(ctx, func(tx *Tx) error {
		seen, _ := tx.HasMessage("abc@x")
		c, _ := tx.Checkpoint("INBOX")
		if !seen || c != (Checkpoint{UIDValidity: 7, LastUID: 3}) {
			t.Errorf("seen %v checkpoint %+v", seen, c)
		}
		return nil
	})
}

// TestUnsureUntilRead: how sure lorkeeper was, and why, survive a
// reopen; a correction (even back to the same kind) means the applicant
// read the reply, so it is no longer unsure.
func TestUnsureUntilRead(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	m := Message{Writer: "smith", MessageID: "u@x", Mailbox: "INBOX", Kind: "strong_yes", ReceivedAt: now,
		Confidence: 0.62, Reason: `agrees: "happy to"`, Unsure: true}
	must(t, s.Update(ctx, func(tx *Tx) error { return tx.AddMessage(m) }))
	var got Message
	read := func() {
		must(t, s.View(ctx, func(tx *Tx) error {
			ms, err := tx.Messages("smith")
			if len(ms) == 1 {
				got = ms[0]
			}
			return err
		}))
	}
	read()
	if got.Confidence != 0.62 || got.Reason != m.Reason || !got.Unsure {
		t.Fatalf("stored %.2f %q unsure=%v", got.Confidence, got.Reason, got.Unsure)
	}
	must(t, s.Update(ctx, func(tx *Tx) error { return tx.SetCorrected(got.ID, "strong_yes") }))
	read()
	if got.Unsure {
		t.Error("still unsure after the applicant confirmed it")
	}
}

// TestConcurrentProcesses opens the file twice, as the daemon and the
// command line do, and writes from both at once.
func TestConcurrentProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	var wg sync.WaitGroup
	for i, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				err := s.Update(ctx, func(tx *Tx) error {
					_, err := tx.AddDraft(Draft{Writer: "w", Template: "ask", Subject: "s"}, now)
					return err
				})
				if err != nil {
					t.Errorf("writer %d: %v", i, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	var n int
	a.View(ctx, func(tx *Tx) error { ds, _ := tx.Drafts(""); n = len(ds); return nil })
	if n != 200 {
		t.Errorf("%d drafts, want 200", n)
	}
}

func TestMigrationIsVersioned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path) // reopening applies nothing twice
	if err != nil {
		t.Fatal(err)
	}
	var v int
	s.r.QueryRow("PRAGMA user_version").Scan(&v)
	var mode string
	s.r.QueryRow("PRAGMA journal_mode").Scan(&mode)
	s.Close()
	if v != len(migrations) || mode != "wal" {
		t.Errorf("user_version %d, journal_mode %s", v, mode)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestVersionSeesOtherWriters: the daemon polls Version to notice an
// approval made by the command line, another process on the same file.
func TestVersionSeesOtherWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	daemon, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer daemon.Close()
	cli, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	ctx := context.Background()
	v1, err := daemon.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v2, _ := daemon.Version(ctx); v2 != v1 {
		t.Fatalf("version moved without a write: %d → %d", v1, v2)
	}
	must(t, cli.Update(ctx, func(tx *Tx) error { return tx.SetMeta("k", "v") }))
	v3, _ := daemon.Version(ctx)
	if v3 == v1 {
		t.Error("another process's commit did not change the version")
	}
	must(t, daemon.Update(ctx, func(tx *Tx) error { return tx.SetMeta("k", "w") }))
	if v4, _ := daemon.Version(ctx); v4 == v3 {
		t.Error("this process's own commit did not change the version")
	}
}

// The state holds writers' replies: the file and SQLite's side files are
// private from the moment they exist.
func TestFilesArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s, err := Open(filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	must(t, s.Update(ctx, func(tx *Tx) error { return tx.SetMeta("k", "v") }))
	must(t, s.View(ctx, func(tx *Tx) error { _, err := tx.Meta("k"); return err }))
	for _, f := range []string{"state.db", "state.db-wal", "state.db-shm"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, st.Mode().Perm())
		}
	}
	if st, _ := os.Stat(dir); runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Errorf("state folder has mode %v, want 0700", st.Mode().Perm())
	}
}

// Commits that gate a send survive a power cut only with synchronous=FULL
// (in WAL mode, NORMAL may roll back the last transactions).
func TestCommitsAreDurable(t *testing.T) {
	s := open(t)
	var v int
	must(t, s.View(context.Background(), func(tx *Tx) error {
		return tx.tx.QueryRow("PRAGMA synchronous").Scan(&v)
	}))
	if v != 2 { // FULL
		t.Errorf("PRAGMA synchronous = %d, want 2 (FULL)", v)
	}
}

// A brand-new state opened by two processes at once (the daemon
// starting while the command line reads) opens in both: the busy timeout
// is set before the pragmas that need a lock.
func TestNewStateOpenedTwiceAtOnce(t *testing.T) {
	for i := 0; i < 30; i++ {
		path := filepath.Join(t.TempDir(), "state.db")
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for j := 0; j < 4; j++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(path)
				if err == nil {
					err = s.Update(context.Background(), func(tx *Tx) error { return tx.SetMeta("k", "v") })
					s.Close()
				}
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", i, err)
			}
		}
	}
}

// A state file made by lorkeeper before schema 2 (one letter per writer)
// opens, keeps everything, and an interrupted send in it stays
// uncertain: it is held on recovery, not sent again.
func TestUpgradeFromSchema1(t *testing.T) {
	data, err := os.ReadFile("testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "state.db")
	os.WriteFile(path, data, 0o644)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	must(t, s.View(ctx, func(tx *Tx) error {
		var v int
		if err := tx.tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
			t.Errorf("schema %d, want %d", v, len(migrations))
		}
		l, err := tx.Letter("smith")
		if err != nil || l.State != letters.Uploaded {
			t.Errorf("smith: %+v %v", l, err)
		}
		ds, err := tx.Drafts("", Sending)
		if err != nil || len(ds) != 1 || ds[0].CommittedAt.IsZero() {
			t.Errorf("the interrupted send is not marked uncertain: %+v %v", ds, err)
		}
		ms, err := tx.Messages("smith")
		if err != nil || len(ms) != 1 || ms[0].Kind != "uploaded" {
			t.Errorf("messages: %+v %v", ms, err)
		}
		cp, err := tx.Checkpoint("INBOX")
		if err != nil || cp.LastUID != 3 || cp.Scanned != "" {
			t.Errorf("checkpoint: %+v %v", cp, err)
		}
		return nil
	}))
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("an old state's mode %v is not tightened", st.Mode().Perm())
	}
}
