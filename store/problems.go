package store

import (
	"fmt"
	"time"
)

// Problem is a standing problem of the daemon that the applicant should
// see in plain words ("IMAP login refused since 14:02 — check
// LORKEEPER_IMAP_PASSWORD"), until it clears.
type Problem struct {
	Source    string // what has the problem: "imap", "smtp", "drafts folder", ...
	Message   string
	Since     time.Time // first seen
	UpdatedAt time.Time // last seen
}

// SetProblem records (or refreshes) the standing problem of source,
// keeping when it started if it is already known.
func (t *Tx) SetProblem(source, message string, now time.Time) error {
	_, err := t.tx.Exec(`INSERT INTO problems (source, message, since, updated_at) VALUES (?,?,?,?)
		ON CONFLICT(source) DO UPDATE SET message = excluded.message, updated_at = excluded.updated_at`,
		source, message, ms(now), ms(now))
	if err != nil {
		return fmt.Errorf("save problem of %s: %w", source, err)
	}
	return nil
}

// ClearProblem forgets the problem of source, if any, and reports
// whether there was one.
func (t *Tx) ClearProblem(source string) (bool, error) {
	res, err := t.tx.Exec(`DELETE FROM problems WHERE source = ?`, source)
	if err != nil {
		return false, fmt.Errorf("clear problem of %s: %w", source, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Problems returns the standing problems, oldest first.
func (t *Tx) Problems() ([]Problem, error) {
	rows, err := t.tx.Query(`SELECT source, message, since, updated_at FROM problems ORDER BY since, source`)
	if err != nil {
		return nil, fmt.Errorf("read problems: %w", err)
	}
	defer rows.Close()
	var out []Problem
	for rows.Next() {
		var p Problem
		var since, upd int64
		if err := rows.Scan(&p.Source, &p.Message, &since, &upd); err != nil {
			return nil, fmt.Errorf("read problems: %w", err)
		}
		p.Since, p.UpdatedAt = fromMS(since), fromMS(upd)
		out = append(out, p)
	}
	return out, rows.Err()
}
