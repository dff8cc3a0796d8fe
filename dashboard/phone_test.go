package dashboard_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutJS reports how the page fits the viewport: its width, the
// document's scroll width, and every visible element that sticks out
// sideways (the hidden-on-purpose ones aside).
const layoutJS = `(() => {
  const vw = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const over = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.sr-only, .skip')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) over.push(name(el) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
  }
  return {width: vw, scroll: document.documentElement.scrollWidth, over: over};
})()`

type layout struct {
	Width  int      `json:"width"`
	Scroll int      `json:"scroll"`
	Over   []string `json:"over"`
}

// brokenJS lists the words of attachment names that are split across
// two lines ("personal_statem" / "ent.pdf"), and the names shown.
const brokenJS = `(() => {
  const names = [], broken = [];
  for (const el of document.querySelectorAll('.files .file-name')) {
    const node = el.firstChild, s = node.textContent;
    names.push(s);
    let i = 0;
    for (const w of s.split(' ')) {
      const r = document.createRange();
      r.setStart(node, i); r.setEnd(node, i + w.length);
      if (w && r.getClientRects().length > 1) broken.push(w);
      i += w.length + 1;
    }
  }
  return {names: names, broken: broken};
})()`

type chips struct {
	Names  []string `json:"names"`
	Broken []string `json:"broken"`
}

// fits fails the test when page sticks out of the phone's width.
func fits(t *testing.T, b context.Context, page string) {
	t.Helper()
	l := read(t, b, "measure "+page, chromedp.Evaluate[layout](layoutJS))
	if l.Width < 360 || l.Width > 390 {
		t.Fatalf("%s: the viewport is %d px wide, not a phone's", page, l.Width)
	}
	if l.Scroll > l.Width || len(l.Over) > 0 {
		t.Errorf("%s is wider than the phone (%d px of %d); sticking out: %s", page, l.Scroll, l.Width, strings.Join(l.Over, ", "))
	}
}

// TestBrowserPhoneLayout opens every page of a realistic applicant at
// 390×844 (an iPhone's CSS size) and checks nothing overflows sideways
// and attachment names stay whole; the draft page shows the writer's
// questions above the answer.
func TestBrowserPhoneLayout(t *testing.T) {
	b := browser(t, 390, 844)
	f := sample(t)
	base := f.serve(t)
	do(t, b, "phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulatePortrait))
	do(t, b, "sign in", chromedp.Navigate(base+"/?token="+url.QueryEscape(f.token)), chromedp.WaitVisible(chromedp.ID("board-h")))
	fits(t, b, "the board")

	info, ok := f.pending("adeyemi", "info")
	if !ok {
		t.Fatal("no answer to Prof. Adeyemi's questions")
	}
	fu, ok := f.pending("smith", "follow_up")
	if !ok {
		t.Fatal("no follow-up for Dr. Smith")
	}
	for _, d := range []struct {
		id   int64
		what string
	}{{info.ID, "the answer to Prof. Adeyemi"}, {fu.ID, "the follow-up to Dr. Smith"}} {
		path := fmt.Sprintf("/drafts/%d", d.id)
		do(t, b, "open "+d.what, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.ID("edit-h")))
		fits(t, b, d.what)
		c := read(t, b, "read the attachment chips", chromedp.Evaluate[chips](brokenJS))
		all := strings.Join(c.Names, " | ")
		if !strings.Contains(all, "personal_statement.pdf") || !strings.Contains(all, "cv.pdf") {
			t.Errorf("%s: attachments shown: %s", d.what, all)
		}
		if len(c.Broken) > 0 {
			t.Errorf("%s: attachment names broken across lines: %q", d.what, c.Broken)
		}
	}

	// The answer's page: the writer's questions first, stacked above
	// the draft, both the phone's width.
	do(t, b, "open the answer", chromedp.Navigate(base+fmt.Sprintf("/drafts/%d", info.ID)), chromedp.WaitVisible(chromedp.ID("answering-h")))
	type box struct{ Top, Bottom, Left, Right float64 }
	boxes := read(t, b, "measure the columns", chromedp.Evaluate[[]box](`[...document.querySelectorAll('.answering, .draft-main')].map(e => { const r = e.getBoundingClientRect(); return {Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right}; })`))
	if len(boxes) != 2 || boxes[0].Bottom > boxes[1].Top || boxes[1].Right-boxes[1].Left < 300 {
		t.Errorf("on a phone the message and the draft are not stacked full width: %+v", boxes)
	}
	if marks := text(t, b, ".answering mark"); !strings.Contains(marks, "USMLE") {
		t.Errorf("first marked question: %q", marks)
	}

	for _, p := range []struct{ path, ready string }{
		{"/writers/smith", "change-h"}, {"/writers/adeyemi", "change-h"}, {"/flags/nguyen", "decide-h"},
	} {
		do(t, b, "open "+p.path, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.ID(p.ready)))
		fits(t, b, p.path)
	}
	// The corrections, opened.
	do(t, b, "open the corrections", chromedp.Navigate(base+"/writers/smith"), chromedp.WaitVisible(chromedp.ID("change-h")),
		chromedp.Click(chromedp.CSS("#set summary")), chromedp.Click(chromedp.CSS("#correct-smith summary")),
		chromedp.WaitVisible(chromedp.ID("set-submit")))
	fits(t, b, "the writer's page with its forms open")
}

// On a laptop the same answer is side by side with the message.
func TestBrowserAnswerSideBySide(t *testing.T) {
	b := browser(t, 1280, 900)
	f := sample(t)
	base := f.serve(t)
	info, _ := f.pending("adeyemi", "info")
	do(t, b, "open the answer", chromedp.Navigate(base+fmt.Sprintf("/drafts/%d?token=%s", info.ID, url.QueryEscape(f.token))), chromedp.WaitVisible(chromedp.ID("answering-h")))
	type box struct{ Top, Bottom, Left, Right float64 }
	boxes := read(t, b, "measure the columns", chromedp.Evaluate[[]box](`[...document.querySelectorAll('.answering, .draft-main')].map(e => { const r = e.getBoundingClientRect(); return {Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right}; })`))
	if len(boxes) != 2 || boxes[0].Right > boxes[1].Left || boxes[0].Top != boxes[1].Top || boxes[0].Right-boxes[0].Left < 350 {
		t.Errorf("on a laptop the message and the draft are not side by side: %+v", boxes)
	}
}
