//go:build linux

package cutfs

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"
)

const rootIno = fuse.FUSE_ROOT_ID

// state is the files of one mount: every inode it ever had, each with its
// live content and its durable content. Inodes are never freed while the
// mount lives (an unlinked file may still be open, and in strict mode
// its old name comes back after a cut); a cut keeps only what the
// durable directories reach.
type state struct {
	nodes   map[uint64]*node
	next    uint64 // the next inode number
	lenient bool
}

// node is a file or a directory.
type node struct {
	ino   uint64
	mode  uint32 // type and permission bits
	owner fuse.Owner
	mtime time.Time
	ctime time.Time

	// A file's content: live, and as of its last fsync or fdatasync.
	data, synced []byte
	// A directory's entries: live, and as of its last fsync (in lenient
	// mode, always the live ones).
	kids, syncedKids map[string]uint64
}

func (n *node) isDir() bool { return n.mode&syscall.S_IFMT == syscall.S_IFDIR }

func newState(lenient bool) *state {
	s := &state{nodes: map[uint64]*node{}, next: rootIno + 1, lenient: lenient}
	now := time.Now()
	s.nodes[rootIno] = &node{ino: rootIno, mode: syscall.S_IFDIR | 0o755, mtime: now, ctime: now,
		kids: map[string]uint64{}, syncedKids: map[string]uint64{}}
	return s
}

// dir returns the directory with inode ino.
func (s *state) dir(ino uint64) (*node, fuse.Status) {
	n, ok := s.nodes[ino]
	if !ok {
		return nil, fuse.ENOENT
	}
	if !n.isDir() {
		return nil, fuse.ENOTDIR
	}
	return n, fuse.OK
}

// lookup returns the entry name of directory parent.
func (s *state) lookup(parent uint64, name string) (*node, fuse.Status) {
	p, st := s.dir(parent)
	if !st.Ok() {
		return nil, st
	}
	ino, ok := p.kids[name]
	if !ok {
		return nil, fuse.ENOENT
	}
	return s.nodes[ino], fuse.OK
}

// add creates a file or directory called name in parent.
func (s *state) add(parent uint64, name string, mode uint32, owner fuse.Owner) (*node, fuse.Status) {
	p, st := s.dir(parent)
	if !st.Ok() {
		return nil, st
	}
	if _, ok := p.kids[name]; ok {
		return nil, fuse.Status(syscall.EEXIST)
	}
	now := time.Now()
	n := &node{ino: s.next, mode: mode, owner: owner, mtime: now, ctime: now}
	if n.isDir() {
		n.kids, n.syncedKids = map[string]uint64{}, map[string]uint64{}
	}
	s.next++
	s.nodes[n.ino] = n
	s.link(p, name, n.ino)
	return n, fuse.OK
}

// link points name in p at ino (0 removes it); in lenient mode the
// change is durable at once.
func (s *state) link(p *node, name string, ino uint64) {
	set := func(m map[string]uint64) {
		if ino == 0 {
			delete(m, name)
		} else {
			m[name] = ino
		}
	}
	set(p.kids)
	if s.lenient {
		set(p.syncedKids)
	}
	p.mtime, p.ctime = time.Now(), time.Now()
}

// remove unlinks a file (dir false) or removes an empty directory.
func (s *state) remove(parent uint64, name string, dir bool) fuse.Status {
	n, st := s.lookup(parent, name)
	if !st.Ok() {
		return st
	}
	switch {
	case dir && !n.isDir():
		return fuse.ENOTDIR
	case !dir && n.isDir():
		return fuse.EISDIR
	case dir && len(n.kids) > 0:
		return fuse.Status(syscall.ENOTEMPTY)
	}
	s.link(s.nodes[parent], name, 0)
	return fuse.OK
}

// rename moves an entry, replacing the target unless flags say
// RENAME_NOREPLACE; RENAME_EXCHANGE is not supported.
func (s *state) rename(from uint64, oldName string, to uint64, newName string, flags uint32) fuse.Status {
	const noReplace, exchange = 1, 2
	if flags&exchange != 0 {
		return fuse.EINVAL
	}
	n, st := s.lookup(from, oldName)
	if !st.Ok() {
		return st
	}
	dst, st := s.dir(to)
	if !st.Ok() {
		return st
	}
	if old, ok := dst.kids[newName]; ok {
		if flags&noReplace != 0 {
			return fuse.Status(syscall.EEXIST)
		}
		if old == n.ino {
			return fuse.OK
		}
		o := s.nodes[old]
		switch {
		case o.isDir() && !n.isDir():
			return fuse.EISDIR
		case !o.isDir() && n.isDir():
			return fuse.ENOTDIR
		case o.isDir() && len(o.kids) > 0:
			return fuse.Status(syscall.ENOTEMPTY)
		}
	}
	s.link(s.nodes[from], oldName, 0)
	s.link(dst, newName, n.ino)
	return fuse.OK
}

// fsync makes a file's content, or a directory's entries, durable.
func (s *state) fsync(n *node) {
	if n.isDir() {
		n.syncedKids = maps.Clone(n.kids)
		return
	}
	n.synced = bytes.Clone(n.data)
}

// durable returns what a mount shows after a cut: the tree the durable
// directory entries reach, each file with its durable content.
func (s *state) durable() *state {
	d := &state{nodes: map[uint64]*node{}, next: s.next, lenient: s.lenient}
	var visit func(ino uint64)
	visit = func(ino uint64) {
		if _, seen := d.nodes[ino]; seen {
			return
		}
		n := s.nodes[ino]
		c := &node{ino: n.ino, mode: n.mode, owner: n.owner, mtime: n.mtime, ctime: n.ctime}
		d.nodes[ino] = c
		if !n.isDir() {
			c.data, c.synced = bytes.Clone(n.synced), bytes.Clone(n.synced)
			return
		}
		c.kids, c.syncedKids = maps.Clone(n.syncedKids), maps.Clone(n.syncedKids)
		for _, name := range slices.Sorted(maps.Keys(n.syncedKids)) {
			visit(n.syncedKids[name])
		}
	}
	visit(rootIno)
	return d
}

// Loss is what a cut threw away.
type Loss struct {
	// Files is how many files had content that was not fsynced (new
	// writes, truncations), and Bytes the size of that live content.
	Files int
	Bytes int64
	// Entries is how many directory entries were not durable: created,
	// removed or renamed since their directory's last fsync.
	Entries int
	// Paths names them, "content" or "entry" after each path.
	Paths []string
}

func (l Loss) String() string {
	if l.Files == 0 && l.Entries == 0 {
		return "nothing"
	}
	return fmt.Sprintf("%d files' unsynced content (%d bytes), %d directory entries: %s",
		l.Files, l.Bytes, l.Entries, strings.Join(l.Paths, ", "))
}

// loss compares the live tree with the durable one.
func (s *state) loss() Loss {
	var l Loss
	seen := map[uint64]bool{}
	var walk func(n *node, p string)
	walk = func(n *node, p string) {
		if seen[n.ino] {
			return
		}
		seen[n.ino] = true
		if !n.isDir() {
			if !bytes.Equal(n.data, n.synced) {
				l.Files++
				l.Bytes += int64(len(n.data))
				l.Paths = append(l.Paths, p+" content")
			}
			return
		}
		all := maps.Clone(n.kids)
		maps.Copy(all, n.syncedKids)
		for _, name := range slices.Sorted(maps.Keys(all)) {
			if n.kids[name] != n.syncedKids[name] {
				l.Entries++
				l.Paths = append(l.Paths, path.Join(p, name)+" entry")
			}
			if ino, ok := n.kids[name]; ok {
				walk(s.nodes[ino], path.Join(p, name))
			}
		}
	}
	walk(s.nodes[rootIno], "/")
	return l
}
