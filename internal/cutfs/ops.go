//go:build linux

package cutfs

import (
	"maps"
	"slices"
	"syscall"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"
)

// ttl is how long the kernel may cache entries and attributes: only this
// mount changes its files, so anything short is safe.
const ttl = time.Second

// mount serves one state over FUSE. Once cut it is dead: every request
// fails with EIO until the processes that still hold its files let go.
// Every method runs under the FS's lock.
type mount struct {
	fuse.RawFileSystem // the rest: ENOSYS
	fs                 *FS
	st                 *state
	srv                *fuse.Server
	dead               bool
	dirs               map[uint64][]fuse.DirEntry // open directory listings, by handle
	nextFh             uint64
}

func (m *mount) String() string { return "cutfs" }

// change counts a request that changes state and reports whether it may
// go ahead: not once the mount is dead, nor if the power goes on it.
func (m *mount) change() bool {
	return !m.dead && !m.fs.tickLocked()
}

func (m *mount) node(ino uint64) (*node, fuse.Status) {
	if m.dead {
		return nil, fuse.EIO
	}
	n, ok := m.st.nodes[ino]
	if !ok {
		return nil, fuse.ENOENT
	}
	return n, fuse.OK
}

func fillAttr(n *node, a *fuse.Attr) {
	a.Ino, a.Mode, a.Owner = n.ino, n.mode, n.owner
	a.Nlink = 1
	if n.isDir() {
		a.Nlink = 2
	}
	a.Size = uint64(len(n.data))
	a.Blocks = (a.Size + 511) / 512
	a.Blksize = 4096
	a.SetTimes(&n.mtime, &n.mtime, &n.ctime)
}

func fillEntry(n *node, out *fuse.EntryOut) {
	out.NodeId, out.Generation = n.ino, 1
	out.SetEntryTimeout(ttl)
	out.SetAttrTimeout(ttl)
	fillAttr(n, &out.Attr)
}

func (m *mount) Lookup(_ <-chan struct{}, h *fuse.InHeader, name string, out *fuse.EntryOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if m.dead {
		return fuse.EIO
	}
	n, st := m.st.lookup(h.NodeId, name)
	if st.Ok() {
		fillEntry(n, out)
	}
	return st
}

func (m *mount) GetAttr(_ <-chan struct{}, in *fuse.GetAttrIn, out *fuse.AttrOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(in.NodeId)
	if st.Ok() {
		fillAttr(n, &out.Attr)
		out.SetTimeout(ttl)
	}
	return st
}

func (m *mount) SetAttr(_ <-chan struct{}, in *fuse.SetAttrIn, out *fuse.AttrOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(in.NodeId)
	if !st.Ok() {
		return st
	}
	if size, ok := in.GetSize(); ok {
		if n.isDir() {
			return fuse.EISDIR
		}
		if !m.change() {
			return fuse.EIO
		}
		n.data = resize(n.data, int(size))
		n.mtime = time.Now()
	}
	if mode, ok := in.GetMode(); ok {
		n.mode = n.mode&syscall.S_IFMT | mode
	}
	if uid, ok := in.GetUID(); ok {
		n.owner.Uid = uid
	}
	if gid, ok := in.GetGID(); ok {
		n.owner.Gid = gid
	}
	if t, ok := in.GetMTime(); ok {
		n.mtime = t
	}
	n.ctime = time.Now()
	fillAttr(n, &out.Attr)
	out.SetTimeout(ttl)
	return fuse.OK
}

// resize truncates or zero-extends b to size bytes.
func resize(b []byte, size int) []byte {
	if size <= len(b) {
		return b[:size:size]
	}
	return append(b, make([]byte, size-len(b))...)
}

func (m *mount) Mkdir(_ <-chan struct{}, in *fuse.MkdirIn, name string, out *fuse.EntryOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if !m.change() {
		return fuse.EIO
	}
	n, st := m.st.add(in.NodeId, name, syscall.S_IFDIR|in.Mode&0o7777, in.Owner)
	if st.Ok() {
		fillEntry(n, out)
	}
	return st
}

func (m *mount) Unlink(_ <-chan struct{}, h *fuse.InHeader, name string) fuse.Status {
	return m.remove(h.NodeId, name, false)
}

func (m *mount) Rmdir(_ <-chan struct{}, h *fuse.InHeader, name string) fuse.Status {
	return m.remove(h.NodeId, name, true)
}

func (m *mount) remove(parent uint64, name string, dir bool) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if !m.change() {
		return fuse.EIO
	}
	return m.st.remove(parent, name, dir)
}

func (m *mount) Rename(_ <-chan struct{}, in *fuse.RenameIn, oldName, newName string) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if !m.change() {
		return fuse.EIO
	}
	return m.st.rename(in.NodeId, oldName, in.Newdir, newName, in.Flags)
}

func (m *mount) Create(_ <-chan struct{}, in *fuse.CreateIn, name string, out *fuse.CreateOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if !m.change() {
		return fuse.EIO
	}
	n, st := m.st.lookup(in.NodeId, name)
	switch {
	case st.Ok() && in.Flags&syscall.O_EXCL != 0:
		return fuse.Status(syscall.EEXIST)
	case st.Ok() && n.isDir():
		return fuse.EISDIR
	case st.Ok():
		if in.Flags&syscall.O_TRUNC != 0 {
			n.data = nil
		}
	case st == fuse.ENOENT:
		if n, st = m.st.add(in.NodeId, name, syscall.S_IFREG|in.Mode&0o7777, in.Owner); !st.Ok() {
			return st
		}
	default:
		return st
	}
	fillEntry(n, &out.EntryOut)
	out.OpenFlags = fuse.FOPEN_KEEP_CACHE
	return fuse.OK
}

func (m *mount) Open(_ <-chan struct{}, in *fuse.OpenIn, out *fuse.OpenOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(in.NodeId)
	if !st.Ok() {
		return st
	}
	if n.isDir() {
		return fuse.EISDIR
	}
	if in.Flags&syscall.O_TRUNC != 0 && len(n.data) > 0 {
		if !m.change() {
			return fuse.EIO
		}
		n.data = nil
	}
	out.OpenFlags = fuse.FOPEN_KEEP_CACHE
	return fuse.OK
}

func (m *mount) Read(_ <-chan struct{}, in *fuse.ReadIn, buf []byte) (fuse.ReadResult, fuse.Status) {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(in.NodeId)
	if !st.Ok() {
		return nil, st
	}
	k := 0
	if off := int(in.Offset); off < len(n.data) {
		k = copy(buf[:min(int(in.Size), len(buf))], n.data[off:])
	}
	return fuse.ReadResultData(buf[:k]), fuse.OK
}

func (m *mount) Write(_ <-chan struct{}, in *fuse.WriteIn, data []byte) (uint32, fuse.Status) {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(in.NodeId)
	if !st.Ok() {
		return 0, st
	}
	if !m.change() {
		return 0, fuse.EIO
	}
	end := int(in.Offset) + len(data)
	if end > len(n.data) {
		n.data = resize(n.data, end)
	}
	copy(n.data[in.Offset:], data)
	n.mtime = time.Now()
	return uint32(len(data)), fuse.OK
}

func (m *mount) Fallocate(_ <-chan struct{}, in *fuse.FallocateIn) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(in.NodeId)
	if !st.Ok() {
		return st
	}
	if in.Mode != 0 {
		return fuse.Status(syscall.EOPNOTSUPP)
	}
	if !m.change() {
		return fuse.EIO
	}
	if end := int(in.Offset + in.Length); end > len(n.data) {
		n.data = resize(n.data, end)
	}
	return fuse.OK
}

func (m *mount) Flush(_ <-chan struct{}, in *fuse.FlushIn) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	_, st := m.node(in.NodeId)
	return st
}

// Fsync makes a file's content durable (fsync and fdatasync alike).
func (m *mount) Fsync(_ <-chan struct{}, in *fuse.FsyncIn) fuse.Status {
	return m.sync(in.NodeId)
}

// FsyncDir makes a directory's entries durable.
func (m *mount) FsyncDir(_ <-chan struct{}, in *fuse.FsyncIn) fuse.Status {
	return m.sync(in.NodeId)
}

func (m *mount) sync(ino uint64) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	n, st := m.node(ino)
	if !st.Ok() {
		return st
	}
	if !m.change() {
		return fuse.EIO
	}
	m.st.fsync(n)
	return fuse.OK
}

func (m *mount) OpenDir(_ <-chan struct{}, in *fuse.OpenIn, out *fuse.OpenOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	d, st := m.node(in.NodeId)
	if !st.Ok() {
		return st
	}
	if !d.isDir() {
		return fuse.ENOTDIR
	}
	list := []fuse.DirEntry{{Name: ".", Mode: syscall.S_IFDIR, Ino: d.ino}, {Name: "..", Mode: syscall.S_IFDIR}}
	for _, name := range slices.Sorted(maps.Keys(d.kids)) {
		n := m.st.nodes[d.kids[name]]
		list = append(list, fuse.DirEntry{Name: name, Mode: n.mode, Ino: n.ino})
	}
	m.nextFh++
	m.dirs[m.nextFh] = list
	out.Fh = m.nextFh
	return fuse.OK
}

func (m *mount) ReadDir(_ <-chan struct{}, in *fuse.ReadIn, out *fuse.DirEntryList) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if m.dead {
		return fuse.EIO
	}
	list, ok := m.dirs[in.Fh]
	if !ok {
		return fuse.EBADF
	}
	for i := int(in.Offset); i < len(list); i++ {
		e := list[i]
		e.Off = uint64(i + 1)
		if !out.AddDirEntry(e) {
			break
		}
	}
	return fuse.OK
}

func (m *mount) ReleaseDir(in *fuse.ReleaseIn) {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	delete(m.dirs, in.Fh)
}

func (m *mount) StatFs(_ <-chan struct{}, _ *fuse.InHeader, out *fuse.StatfsOut) fuse.Status {
	m.fs.mu.Lock()
	defer m.fs.mu.Unlock()
	if m.dead {
		return fuse.EIO
	}
	*out = fuse.StatfsOut{Blocks: 1 << 20, Bfree: 1 << 19, Bavail: 1 << 19, Files: 1 << 20,
		Ffree: 1<<20 - uint64(len(m.st.nodes)), Bsize: 4096, Frsize: 4096, NameLen: 255}
	return fuse.OK
}
