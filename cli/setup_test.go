package cli_test

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/cli"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/setuptest"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/memmail"
)

// TestRunWithoutConfigStartsSetup: `run` in a folder with no config says
// so, serves the setup pages at the address it prints, and once they
// have written the file, runs on it.
func TestRunWithoutConfigStartsSetup(t *testing.T) {
	defer cli.UseSecretsFile()()
	sys, err := memmail.Start(memmail.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sys.Close()
	const me, pw = "amara@inbox.test", "app-password"
	sys.AddUser(me, pw)
	dir := t.TempDir()
	path := filepath.Join(dir, "lorkeeper.toml")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw2 := io.Pipe()
	var out testenv.Buffer
	links := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		link := regexp.MustCompile(`http://127\.0\.0\.1:\d+/[0-9a-f]+/`)
		for sc.Scan() {
			out.Write([]byte(sc.Text() + "\n"))
			if m := link.FindString(sc.Text()); m != "" {
				links <- m
			}
		}
	}()
	var errb testenv.Buffer
	done := make(chan int, 1)
	go func() {
		done <- cli.Main(ctx, []string{"--config", path, "run"}, cli.Env{Stdin: strings.NewReader(""), Stdout: pw2, Stderr: &errb,
			Getenv: func(string) string { return "" }})
		pw2.Close()
	}()
	var base string
	select {
	case base = <-links:
	case code := <-done:
		t.Fatalf("run exited %d before printing the setup address:\n%s\n%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "There is no config file at "+path) {
		t.Errorf("run did not say why it starts the setup:\n%s", out.String())
	}
	pages := setuptest.Pages{T: t, Base: base}
	day := func(months int) string { return time.Now().AddDate(0, months, 0).Format("2006-01-02") }
	pages.Post("you", setuptest.You(me, day(3)))
	if at, _ := pages.Post("mailbox", setuptest.Servers(sys.IMAPAddr(), sys.SMTPAddr(), pw)); !strings.HasSuffix(at, "/documents") {
		t.Fatalf("the mailbox page went to %s", at)
	}
	pages.Documents("cv.pdf", "personal_statement.pdf")
	w := setuptest.Writer("Dr. Jane Smith", "jsmith@hospital.test", day(-2), day(-1))
	w.Set("next", "1")
	pages.Post("writers", w)
	if at, page := pages.Post("review", nil); !strings.HasSuffix(at, "/done") || !strings.Contains(page, "lorkeeper now runs in the window where you started it") {
		t.Fatalf("writing went to %s, saying:\n%s", at, page)
	}
	if _, err := config.Load(path); err != nil {
		t.Fatalf("the file written does not load: %v", err)
	}
	// It runs on the new file: the first email is drafted.
	deadline := time.After(20 * time.Second)
	for !strings.Contains(out.String(), "lorkeeper now runs on it") || !strings.Contains(errb.String()+out.String(), "drafts planned") {
		select {
		case <-deadline:
			t.Fatalf("run did not go on with the new file:\n%s\n%s", out.String(), errb.String())
		case code := <-done:
			t.Fatalf("run exited %d:\n%s\n%s", code, out.String(), errb.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	<-done
}

// TestREADMECommandList: the README's command list is `lorkeeper help`.
func TestREADMECommandList(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	const head = "## Command line\n\n```\n"
	i := strings.Index(s, head)
	if i < 0 {
		t.Fatal("README has no command list")
	}
	s = s[i+len(head):]
	list := s[:strings.Index(s, "```")]
	if r := run(t, nil, "help"); r.stdout != list {
		t.Errorf("README's command list differs from `lorkeeper help`:\n%s\nhelp:\n%s", list, r.stdout)
	}
}
