//go:build linux

package cutfs

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// SQLite runs in a child process (this test binary again): its -shm file
// is mmapped, and a page fault on a mount served by the same process can
// deadlock it (see the package doc).
func TestMain(m *testing.M) {
	if op := os.Getenv("CUTFS_SQLITE"); op != "" {
		if err := sqliteChild(op, os.Getenv("CUTFS_DB"), os.Getenv("CUTFS_SYNC")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func sqliteChild(op, path, sync string) error {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous("+sync+")")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	switch op {
	case "create":
		_, err = db.Exec("CREATE TABLE t (x INTEGER)")
	case "insert":
		if _, err = db.Exec("INSERT INTO t VALUES (1)"); err == nil {
			fmt.Println("committed")
			_, err = io.Copy(io.Discard, os.Stdin) // until killed
		}
	case "count":
		var n int
		if err = db.QueryRow("SELECT count(*) FROM t").Scan(&n); err == nil {
			fmt.Println(n)
		}
	}
	if err != nil {
		return fmt.Errorf("sqlite %s: %w", op, err)
	}
	return db.Close()
}

func sqliteCmd(path, sync, op string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CUTFS_SQLITE="+op, "CUTFS_DB="+path, "CUTFS_SYNC="+sync)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestSQLiteSynchronous shows what the cut is for: with WAL and
// synchronous=NORMAL a committed transaction is lost at a power cut;
// with FULL it is kept, in either mode.
func TestSQLiteSynchronous(t *testing.T) {
	for _, mode := range []struct {
		name    string
		lenient bool
	}{{"strict", false}, {"lenient", true}} {
		for _, sync := range []string{"NORMAL", "FULL"} {
			t.Run(mode.name+"/"+sync, func(t *testing.T) {
				f := ForTest(t, Options{Lenient: mode.lenient})
				kept := commitSurvives(t, f, sync)
				if want := sync == "FULL"; kept != want {
					t.Errorf("synchronous=%s: committed row kept %v, want %v", sync, kept, want)
				}
			})
		}
	}
}

// commitSurvives commits one row on a durable database, cuts the power
// under the process that committed it, and reports whether the row is
// still there.
func commitSurvives(t *testing.T, f *FS, sync string) bool {
	t.Helper()
	path := filepath.Join(f.Dir(), "state.db")
	if out, err := sqliteCmd(path, sync, "create").Output(); err != nil {
		t.Fatalf("create: %v %s", err, out)
	}
	// Closing checkpointed the schema into the file; the directory
	// fsync makes the file's own entry durable (SQLite never syncs it).
	syncDir(t, f.Dir())
	ins := sqliteCmd(path, sync, "insert")
	stdin, err := ins.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	out, err := ins.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := ins.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "committed" {
		ins.Process.Kill()
		ins.Wait()
		t.Fatalf("insert: %q, %v", line, err)
	}
	cutErr := f.Cut()
	ins.Process.Kill()
	ins.Wait()
	if cutErr != nil {
		t.Fatal(cutErr)
	}
	t.Logf("synchronous=%s: the cut lost %v", sync, f.Lost())
	if err := f.Remount(); err != nil {
		t.Fatal(err)
	}
	b, err := sqliteCmd(path, sync, "count").Output()
	if err != nil {
		t.Fatalf("count after the cut: %v", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return n == 1
}

// TestSQLiteNewDatabaseDirectory: SQLite fsyncs a database's directory
// when it first syncs a new WAL (it writes and syncs the WAL header with
// the first commit, whatever synchronous says), which makes the new
// database file's entry durable too. It never syncs the directory above:
// a state directory made for the database (os.MkdirAll) is gone after a
// cut in strict mode unless its creator fsyncs its parent.
func TestSQLiteNewDatabaseDirectory(t *testing.T) {
	f := ForTest(t, Options{})
	root := filepath.Join(f.Dir(), "state.db")
	if out, err := sqliteCmd(root, "FULL", "create").Output(); err != nil {
		t.Fatalf("create: %v %s", err, out)
	}
	sub := filepath.Join(f.Dir(), "state")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := sqliteCmd(filepath.Join(sub, "state.db"), "FULL", "create").Output(); err != nil {
		t.Fatalf("create: %v %s", err, out)
	}
	if err := f.Cut(); err != nil {
		t.Fatal(err)
	}
	t.Logf("the cut lost %v", f.Lost())
	if err := f.Remount(); err != nil {
		t.Fatal(err)
	}
	if out, err := sqliteCmd(root, "FULL", "count").Output(); err != nil || strings.TrimSpace(string(out)) != "0" {
		t.Errorf("the database in the mount's root: %q, %v; want its table, empty", out, err)
	}
	if _, err := os.Stat(sub); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the new directory survived without an fsync of its parent (stat: %v)", err)
	}
}
