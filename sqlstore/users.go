package sqlstore

import (
	"context"
	"net/mail"
	"strings"

	"github.com/backload/backload"
)

const userColumns = "id, email, role, units, plate_step, time_zone, created_at, data_version"

// userColumnsU are userColumns for a query that names the users table u.
const userColumnsU = "u.id, u.email, u.role, u.units, u.plate_step, u.time_zone, u.created_at, u.data_version"

// scanUser reads the userColumns, then any extra columns into extra.
func scanUser(row interface{ Scan(...any) error }, extra ...any) (backload.User, error) {
	var u backload.User
	var created int64
	err := row.Scan(append([]any{&u.ID, &u.Email, &u.Role, &u.Units, &u.PlateStep, &u.TimeZone, &created, &u.Version}, extra...)...)
	u.CreatedAt = fromUnix(created)
	return u, err
}

// NormalizeEmail lowercases and trims an address and checks its form. It
// returns an EINVALID error naming the field "email".
func NormalizeEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e {
		return "", backload.FieldErrorf("email", "%q is not an email address", email)
	}
	return e, nil
}

// CreateUser adds an account. It returns ECONFLICT when the email is taken
// and EINVALID for a malformed email, both with the field "email".
func (db *DB) CreateUser(ctx context.Context, u backload.User, passwordHash string) (backload.User, error) {
	email, err := NormalizeEmail(u.Email)
	if err != nil {
		return backload.User{}, err
	}
	if u.Role == "" {
		u.Role = backload.Lifter
	}
	if u.Units == "" {
		u.Units = backload.Kilograms
	}
	if u.TimeZone == "" {
		u.TimeZone = "UTC"
	}
	err = db.inTx(ctx, func(tx *Tx) error {
		// A new account has no history, so its (empty) aggregates are current.
		row := tx.queryRow(ctx, `INSERT INTO users (email, password_hash, role, units, plate_step, time_zone, created_at, progress_version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING `+userColumns,
			email, passwordHash, u.Role, u.Units, u.PlateStep, u.TimeZone, unix(tx.now), progressVersion)
		var err error
		u, err = scanUser(row)
		if err != nil && db.dialect.isUniqueViolation(err) {
			return &backload.Error{Code: backload.ECONFLICT, Field: "email", Message: "an account with " + email + " already exists"}
		}
		return err
	})
	return u, err
}

// UserByEmail returns the account with the email, or ENOTFOUND.
func (db *DB) UserByEmail(ctx context.Context, email string) (backload.User, error) {
	u, err := scanUser(db.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?", normalizedEmail(email)))
	return u, notFound(err, "user "+email)
}

// UserByID returns the account with the id, or ENOTFOUND.
func (db *DB) UserByID(ctx context.Context, id int64) (backload.User, error) {
	u, err := scanUser(db.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	return u, notFound(err, "user")
}

// Users returns every account, oldest first.
func (db *DB) Users(ctx context.Context) ([]backload.User, error) {
	rows, err := db.query(ctx, "SELECT "+userColumns+" FROM users ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []backload.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetRole changes the user's role.
func (db *DB) SetRole(ctx context.Context, userID int64, role backload.Role) error {
	return db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, "UPDATE users SET role = ? WHERE id = ?", role, userID)
		return err
	})
}

// UpdateSettings stores the user's units, plate step and time zone. A new
// time zone moves sessions between local days and weeks, so it marks the
// progress aggregates for a rebuild.
func (db *DB) UpdateSettings(ctx context.Context, u backload.User) error {
	return db.inTx(ctx, func(tx *Tx) error {
		r, err := tx.exec(ctx, `UPDATE users SET units = ?, plate_step = ?, time_zone = ?, data_version = data_version + 1,
				progress_version = CASE WHEN time_zone = ? THEN progress_version ELSE 0 END
			WHERE id = ?`,
			u.Units, u.PlateStep, u.TimeZone, u.TimeZone, u.ID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return backload.Errorf(backload.ENOTFOUND, "user not found")
		}
		return nil
	})
}

func normalizedEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// touch bumps the user's data version and brings their progress aggregates
// up to date with the exercise rows the transaction changed: every write to
// what today's plan and the progress pages are computed from calls it,
// last, in its transaction.
func (t *Tx) touch(ctx context.Context, userID int64) error {
	if _, err := t.exec(ctx, "UPDATE users SET data_version = data_version + 1 WHERE id = ?", userID); err != nil {
		return err
	}
	return t.refreshProgress(ctx, userID)
}
