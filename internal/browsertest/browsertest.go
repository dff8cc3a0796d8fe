// Package browsertest starts the headless Chromium the browser tests
// drive, in one way for every package that has them.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium finds Debian's Chromium. Without it the browser tests skip,
// except in CI and the integration runs (CI=true, or LORKEEPER_MAILSTACK
// set), where they fail: scripts/browser install provides it.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "chromium is not installed: run scripts/browser install (as root) to run the browser tests"
	if os.Getenv("CI") == "true" || os.Getenv("LORKEEPER_MAILSTACK") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// New starts a headless Chromium with a fresh profile for t, with a
// window width by height, and returns its context, which limits every
// action to 25 seconds; it stops with t. The flags keep it off the
// network: the machines that run the tests have none, and Chromium
// otherwise stalls on lookups.
func New(t testing.TB, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	// The first call starts the browser and binds it to bctx, which has
	// no timeout; the actions get one.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	c, cancel := context.WithTimeout(bctx, 25*time.Second)
	t.Cleanup(cancel)
	return c
}
