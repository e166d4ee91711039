package sqlstore

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/backload/backload"
)

// Override is a lifter's correction of how a name they log is classified:
// the class it really has and, optionally, the catalog exercise it really
// is. It is stored under the name's catalog key (catalog.NameKey), so it
// holds for every spelling the matcher treats as the same name.
type Override struct {
	NameKey    string         `json:"name_key"`
	Class      backload.Class `json:"class"`
	ExerciseID string         `json:"exercise"`
	UpdatedAt  time.Time      `json:"updated_at"`
}

// LoggedName is a name as the user logged it, with how its entries are
// stored: the class and catalog exercise of its latest entry, how many
// entries there are and when the latest was done.
type LoggedName struct {
	Input      string
	ExerciseID string
	Class      backload.Class
	Entries    int
	Last       time.Time
}

// InferredNames returns the names the user logged that matched no catalog
// exercise (stored with an empty exercise id), and also the names for
// which also(input) is true whatever they are stored as (a nil also adds
// none), most logged first. A name stored under several classes over time
// is returned once, with the class of its latest entry.
func (db *DB) InferredNames(ctx context.Context, userID int64, also func(input string) bool) ([]LoggedName, error) {
	q := `SELECT input, exercise_id, class, COUNT(*), MAX(started_at) FROM exercise_logs WHERE user_id = ?`
	if also == nil {
		q += ` AND exercise_id = ''`
	}
	rows, err := db.query(ctx, q+` GROUP BY input, exercise_id, class`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byInput := map[string]*LoggedName{}
	for rows.Next() {
		var n LoggedName
		var last int64
		if err := rows.Scan(&n.Input, &n.ExerciseID, &n.Class, &n.Entries, &last); err != nil {
			return nil, err
		}
		n.Last = fromUnix(last)
		if n.ExerciseID != "" && (also == nil || !also(n.Input)) {
			continue
		}
		cur, ok := byInput[n.Input]
		switch {
		case !ok:
			byInput[n.Input] = &n
		case n.Last.After(cur.Last):
			n.Entries += cur.Entries
			*cur = n
		default:
			cur.Entries += n.Entries
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]LoggedName, 0, len(byInput))
	for _, n := range byInput {
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b LoggedName) int {
		if a.Entries != b.Entries {
			return b.Entries - a.Entries
		}
		return strings.Compare(a.Input, b.Input)
	})
	return out, nil
}

// Overrides returns the user's corrections by name key.
func (db *DB) Overrides(ctx context.Context, userID int64) (map[string]Override, error) {
	rows, err := db.query(ctx, `SELECT name_key, class, exercise_id, updated_at FROM class_overrides WHERE user_id = ?`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Override{}
	for rows.Next() {
		var o Override
		var updated int64
		if err := rows.Scan(&o.NameKey, &o.Class, &o.ExerciseID, &updated); err != nil {
			return nil, err
		}
		o.UpdatedAt = fromUnix(updated)
		out[o.NameKey] = o
	}
	return out, rows.Err()
}

// SaveOverride stores the user's correction, replacing any earlier one for
// the same key, and in the same transaction re-classifies the entries the
// user already logged under that name: every stored name whose nameKey is
// o.NameKey takes o's class and exercise id. nameKey must be the function
// that made o.NameKey (catalog.NameKey); passing it keeps the store free of
// the catalog. It returns how many logged entries changed, and an EINVALID
// error for an empty key or an unknown class.
func (db *DB) SaveOverride(ctx context.Context, userID int64, o Override, nameKey func(string) string) (int, error) {
	switch {
	case o.NameKey == "":
		return 0, backload.FieldErrorf("name", "has no words to recognise it by")
	case !o.Class.Valid():
		_, err := backload.ParseClass(string(o.Class))
		return 0, &backload.Error{Code: backload.EINVALID, Field: "class", Message: backload.ErrorMessage(err)}
	}
	var changed int
	err := db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `INSERT INTO class_overrides (user_id, name_key, class, exercise_id, updated_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (user_id, name_key) DO UPDATE SET class = excluded.class, exercise_id = excluded.exercise_id,
				updated_at = excluded.updated_at`,
			userID, o.NameKey, o.Class, o.ExerciseID, unix(tx.now))
		if err != nil {
			return err
		}
		if changed, err = tx.reclassify(ctx, userID, o, nameKey); err != nil {
			return err
		}
		if changed > 0 {
			// Rows change class and lift across the whole history.
			if err := tx.staleProgress(ctx, userID); err != nil {
				return err
			}
		}
		return tx.touch(ctx, userID)
	})
	return changed, err
}

// reclassify gives the user's logged entries whose name has o's key the
// class and exercise id of o, and returns how many changed.
func (t *Tx) reclassify(ctx context.Context, userID int64, o Override, nameKey func(string) string) (int, error) {
	rows, err := t.query(ctx, `SELECT DISTINCT input FROM exercise_logs WHERE user_id = ?`, userID)
	if err != nil {
		return 0, err
	}
	var inputs []string
	for rows.Next() {
		var in string
		if err := rows.Scan(&in); err != nil {
			rows.Close()
			return 0, err
		}
		if nameKey(in) == o.NameKey {
			inputs = append(inputs, in)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	changed := 0
	for _, in := range inputs {
		r, err := t.exec(ctx, `UPDATE exercise_logs SET class = ?, exercise_id = ?
			WHERE user_id = ? AND input = ? AND (class <> ? OR exercise_id <> ?)`,
			o.Class, o.ExerciseID, userID, in, o.Class, o.ExerciseID)
		if err != nil {
			return 0, err
		}
		n, _ := r.RowsAffected()
		changed += int(n)
	}
	return changed, nil
}
