// Package store keeps lorkeeper's state in an embedded SQLite file:
// letters and their history, drafts and what became of them, the writers'
// messages, and the mailbox checkpoints.
//
// The file is opened in WAL mode with a busy timeout, so the daemon and
// the command line use it at the same time: each Update is one IMMEDIATE
// transaction, and readers never block writers. Schema changes are
// versioned migrations applied on Open.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when a row asked for does not exist.
var ErrNotFound = errors.New("not found")

// Store is an open state file. It is safe for concurrent use.
type Store struct {
	w, r *sql.DB
	path string

	verMu   sync.Mutex
	verConn *sql.Conn // kept open: PRAGMA data_version is per connection

	chMu    sync.Mutex
	changed chan struct{} // closed at the next commit of this process
}

// Open opens (creating if needed) the state file at path and brings its
// schema up to date. The caller closes it.
//
// The file, and the WAL and shared-memory files SQLite keeps beside it
// (which take the main file's mode), are private to the user from the
// moment they exist. Every commit is synced to disk before Update
// returns (synchronous=FULL): a send is recorded before it starts, and a
// record lost to a power cut would mean a second send.
func Open(path string) (*Store, error) {
	if err := mkdirDurable(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	dsn := func(lock string) string {
		q := url.Values{}
		// The busy timeout first: the pragmas after it, journal_mode
		// included, then wait for another process's lock instead of
		// failing at once with "database is locked".
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(FULL)")
		// The state is small; a small page cache keeps an adviser's
		// hundreds of applicants in little memory.
		q.Add("_pragma", "cache_size(-512)")
		q.Set("_txlock", lock)
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn("immediate"))
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn("deferred"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	r.SetMaxOpenConns(3) // one is kept for Version
	r.SetMaxIdleConns(1)
	r.SetConnMaxIdleTime(time.Minute)
	s := &Store{w: w, r: r, path: path, changed: make(chan struct{})}
	if err := s.migrate(); err != nil {
		s.Close()
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	// A state made by an older lorkeeper may have world-readable files.
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(f, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			s.Close()
			return nil, fmt.Errorf("open state: %w", err)
		}
	}
	return s, nil
}

// mkdirDurable creates dir (0700) and any missing parents, and syncs
// each new entry into its parent: after a power cut, a folder that was
// only in the page cache would vanish with the state inside it.
func mkdirDurable(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent != dir {
		if err := mkdirDurable(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	syncDir(parent)
	return nil
}

// syncDir fsyncs a directory's entries (where the platform can).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}

// createPrivate creates path with mode 0600 if it does not exist, so
// that SQLite, which gives its side files the main file's mode, never
// makes a readable one.
func createPrivate(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	err = f.Close()
	syncDir(filepath.Dir(path))
	return err
}

// Changes returns a channel that is closed at the next commit made
// through this Store (another process's commits show in Version). Loops
// wait on it to act at once on a change made in the same process.
func (s *Store) Changes() <-chan struct{} {
	s.chMu.Lock()
	defer s.chMu.Unlock()
	return s.changed
}

func (s *Store) notify() {
	s.chMu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.chMu.Unlock()
}

// Close closes the file.
func (s *Store) Close() error {
	s.verMu.Lock()
	if s.verConn != nil {
		s.verConn.Close()
		s.verConn = nil
	}
	s.verMu.Unlock()
	return errors.Join(s.r.Close(), s.w.Close())
}

// Version returns a number that changes whenever anything is committed to
// the file, by this process or another (the command line approving a
// draft). Polling it is far cheaper than re-reading tables: loops use it
// to skip work when nothing changed.
func (s *Store) Version(ctx context.Context) (int64, error) {
	s.verMu.Lock()
	defer s.verMu.Unlock()
	if s.verConn == nil {
		c, err := s.r.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("state version: %w", err)
		}
		s.verConn = c
	}
	var v int64
	if err := s.verConn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		s.verConn.Close()
		s.verConn = nil
		return 0, fmt.Errorf("state version: %w", err)
	}
	return v, nil
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// Tx is one transaction. Its methods are the only way to read or change
// state; they must not be used after the function given to Update or View
// returns.
type Tx struct {
	tx       *sql.Tx
	readOnly bool
}

// Update runs fn in one write transaction, committed if fn returns nil
// and rolled back otherwise. It blocks while another process writes.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	return s.run(ctx, s.w, false, fn)
}

// View runs fn in one read transaction.
func (s *Store) View(ctx context.Context, fn func(*Tx) error) error {
	return s.run(ctx, s.r, true, fn)
}

func (s *Store) run(ctx context.Context, db *sql.DB, readOnly bool, fn func(*Tx) error) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: readOnly})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(&Tx{tx: tx, readOnly: readOnly}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if !readOnly {
		s.notify()
	}
	return nil
}

var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE letters (
	writer          TEXT PRIMARY KEY,
	state           TEXT NOT NULL,
	flagged         INTEGER NOT NULL DEFAULT 0,
	flag_reason     TEXT NOT NULL DEFAULT '',
	evidence        TEXT NOT NULL DEFAULT '[]',
	last_reply_kind TEXT NOT NULL DEFAULT '',
	requested_at    INTEGER NOT NULL DEFAULT 0,
	last_request_at INTEGER NOT NULL DEFAULT 0,
	reminders       INTEGER NOT NULL DEFAULT 0,
	snooze_until    INTEGER NOT NULL DEFAULT 0,
	packet_sent     INTEGER NOT NULL DEFAULT 0,
	started         INTEGER NOT NULL DEFAULT 0,
	updated_at      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE history (
	id         INTEGER PRIMARY KEY,
	writer     TEXT NOT NULL,
	at         INTEGER NOT NULL,
	event      TEXT NOT NULL,
	from_state TEXT NOT NULL,
	to_state   TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_writer ON history(writer, id);
CREATE TABLE drafts (
	id              INTEGER PRIMARY KEY,
	writer          TEXT NOT NULL,
	template        TEXT NOT NULL,
	status          TEXT NOT NULL,
	to_name         TEXT NOT NULL,
	to_addr         TEXT NOT NULL,
	subject         TEXT NOT NULL,
	body_text       TEXT NOT NULL,
	body_html       TEXT NOT NULL,
	attachments     TEXT NOT NULL DEFAULT '[]',
	edited          INTEGER NOT NULL DEFAULT 0,
	message_id      TEXT UNIQUE,
	in_reply_to     TEXT NOT NULL DEFAULT '',
	refs            TEXT NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	approved_at     INTEGER NOT NULL DEFAULT 0,
	sent_at         INTEGER NOT NULL DEFAULT 0,
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL DEFAULT 0,
	last_error      TEXT NOT NULL DEFAULT '',
	server_reply    TEXT NOT NULL DEFAULT '',
	sent_copy       INTEGER NOT NULL DEFAULT 0,
	mailbox_uid     INTEGER NOT NULL DEFAULT 0,
	mailbox_uidvalidity INTEGER NOT NULL DEFAULT 0,
	updated_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drafts_status ON drafts(status, next_attempt_at);
CREATE INDEX drafts_writer ON drafts(writer, status);
CREATE TABLE messages (
	id          INTEGER PRIMARY KEY,
	writer      TEXT NOT NULL,
	message_id  TEXT NOT NULL UNIQUE,
	mailbox     TEXT NOT NULL,
	uidvalidity INTEGER NOT NULL,
	uid         INTEGER NOT NULL,
	from_addr   TEXT NOT NULL,
	subject     TEXT NOT NULL,
	date        INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	evidence    TEXT NOT NULL DEFAULT '[]',
	return_date INTEGER NOT NULL DEFAULT 0,
	note        TEXT NOT NULL DEFAULT '',
	new_text    TEXT NOT NULL DEFAULT '',
	received_at INTEGER NOT NULL
);
CREATE INDEX messages_writer ON messages(writer, id);
CREATE TABLE checkpoints (
	mailbox     TEXT PRIMARY KEY,
	uidvalidity INTEGER NOT NULL,
	last_uid    INTEGER NOT NULL
);
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
`,
	// 2: exactly-once sends and honest status: the moment the final "."
	// was about to go (committed_at), recipients the applicant set in
	// their mail client, the senders a checkpoint was scanned for,
	// upload notices that could not be verified (claim), corrections of
	// replies (with the message, to export them as examples), history
	// that can be undone (who, the letter before and after, the drafts
	// made), each ERAS letter's upload and assignment (a writer may write
	// two), portal notices the applicant taught, and standing problems.
	`
ALTER TABLE drafts ADD COLUMN committed_at INTEGER NOT NULL DEFAULT 0;
-- A send interrupted under the old schema may have gone past its final
-- ".": it is held, never sent again blindly.
UPDATE drafts SET committed_at = updated_at + 1 WHERE status = 'sending';
ALTER TABLE drafts ADD COLUMN cc TEXT NOT NULL DEFAULT '[]';
ALTER TABLE drafts ADD COLUMN bcc TEXT NOT NULL DEFAULT '[]';
ALTER TABLE checkpoints ADD COLUMN scanned TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN claim INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN corrected TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN raw BLOB;
ALTER TABLE history ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN before_json TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN after_json TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN drafts TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN ref TEXT NOT NULL DEFAULT '';
CREATE TABLE eras_letters (
	id          TEXT PRIMARY KEY,
	writer      TEXT NOT NULL,
	state       TEXT NOT NULL,
	uploaded_at INTEGER NOT NULL DEFAULT 0,
	assigned_at INTEGER NOT NULL DEFAULT 0,
	note        TEXT NOT NULL DEFAULT '',
	updated_at  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE learned_portals (
	sender  TEXT PRIMARY KEY,
	subject TEXT NOT NULL,
	added   INTEGER NOT NULL
);
CREATE TABLE problems (
	source     TEXT PRIMARY KEY,
	message    TEXT NOT NULL,
	since      INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
`,
	// 3: how sure lorkeeper was of each reply, and why it read it so.
	// Replies read before it count as sure (confidence 0: unknown).
	`
ALTER TABLE messages ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN unsure INTEGER NOT NULL DEFAULT 0;
`,
	// 4: lorkeeper is removing a draft's Drafts-folder copy to send it:
	// a copy found gone afterwards was removed by lorkeeper, not by the
	// applicant.
	`
ALTER TABLE drafts ADD COLUMN copy_removing INTEGER NOT NULL DEFAULT 0;
`,
}

// migrate applies the migrations the file has not seen, each in its own
// transaction, tracking the version in PRAGMA user_version.
func (s *Store) migrate() error {
	ctx := context.Background()
	// Most opens find the schema current: a read says so without taking
	// the write lock that a running daemon may hold.
	var v int
	if err := s.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err == nil && v == len(migrations) {
		return nil
	}
	for {
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var v int
		if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate: %w", err)
		}
		if v > len(migrations) {
			tx.Rollback()
			return fmt.Errorf("migrate: the state file is from a newer lorkeeper (schema %d, this one knows %d)", v, len(migrations))
		}
		if v == len(migrations) {
			return tx.Rollback()
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
	}
}

// Times are stored as Unix milliseconds; 0 is the zero time.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
