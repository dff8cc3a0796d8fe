package setup

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// ErrExists is returned by WriteConfig when the file is there already
// and replace is false.
var ErrExists = errors.New("config file exists")

// WriteConfig writes a config file readable by its owner only (0600; a
// folder it creates is 0700). It checks the text first with
// config.Parse, so that a file it writes is one lorkeeper loads; the
// file appears whole or not at all. An existing file is kept unless
// replace is set.
func WriteConfig(path string, text []byte, replace bool) error {
	if _, err := config.Parse(path, text); err != nil {
		return fmt.Errorf("the new config would not load (nothing was written):\n%w", err)
	}
	if _, err := os.Stat(path); err == nil && !replace {
		return fmt.Errorf("%w: %s", ErrExists, path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".lorkeeper-*.toml") // mode 0600
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, err = tmp.Write(text)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
	case replace:
		err = os.Rename(tmp.Name(), path)
	default:
		// A link fails if a file appeared meanwhile, where a rename
		// would replace it; where links are not supported (FAT), look.
		if err = os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
			if _, serr := os.Lstat(path); serr == nil {
				err = fs.ErrExist
			} else {
				err = os.Rename(tmp.Name(), path)
			}
		}
	}
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%w: %s", ErrExists, path)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// StorePassword keeps the app password of a mailbox user where the
// daemon finds it (password_keyring): the OS keyring, or the secrets file
// beside the state. It says where.
func StorePassword(st *secrets.Store, username, password string) (string, error) {
	where, err := st.Set(config.PasswordKey(username), password)
	if err != nil {
		return "", fmt.Errorf("keep the app password: %w", err)
	}
	return where, nil
}

// GuessZone names the machine's time zone when it can tell: $TZ, or the
// zoneinfo file /etc/localtime points to (Linux, macOS). "" otherwise.
func GuessZone(getenv func(string) string) string {
	if tz := strings.TrimPrefix(getenv("TZ"), ":"); tz != "" {
		if _, err := time.LoadLocation(tz); err == nil && tz != "Local" {
			return tz
		}
	}
	target, err := os.Readlink("/etc/localtime")
	if err != nil {
		return ""
	}
	return zoneFromPath(target)
}

// zoneFromPath takes a zone name from a zoneinfo path such as
// /var/db/timezone/zoneinfo/America/New_York.
func zoneFromPath(p string) string {
	p = filepath.ToSlash(p)
	i := strings.Index(p, "zoneinfo/")
	if i < 0 {
		return ""
	}
	name := p[i+len("zoneinfo/"):]
	for _, prefix := range []string{"posix/", "right/"} {
		name = strings.TrimPrefix(name, prefix)
	}
	if _, err := time.LoadLocation(name); err != nil {
		return ""
	}
	return name
}
