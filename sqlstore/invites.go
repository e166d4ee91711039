package sqlstore

import (
	"context"
	"time"

	"github.com/backload/backload"
)

// Invite is a lifter's invitation to a coach, as the lifter sees it.
type Invite struct {
	ID         int64     `json:"id"`
	Note       string    `json:"note"`
	CreatedAt  time.Time `json:"created_at"`
	CoachEmail string    `json:"coach_email,omitempty"`
	AcceptedAt time.Time `json:"accepted_at,omitzero"`
	RevokedAt  time.Time `json:"revoked_at,omitzero"`
}

// Active reports whether the invite still grants access.
func (i Invite) Active() bool { return i.RevokedAt.IsZero() }

// CreateInvite stores an invite of the lifter under the hash of its token.
func (db *DB) CreateInvite(ctx context.Context, lifterID int64, tokenHash, note string) (Invite, error) {
	inv := Invite{Note: note}
	err := db.inTx(ctx, func(tx *Tx) error {
		inv.CreatedAt = tx.now
		return tx.queryRow(ctx, "INSERT INTO invites (lifter_id, token_hash, note, created_at) VALUES (?, ?, ?, ?) RETURNING id",
			lifterID, tokenHash, note, unix(tx.now)).Scan(&inv.ID)
	})
	return inv, err
}

// Invites lists the lifter's invites, newest first.
func (db *DB) Invites(ctx context.Context, lifterID int64) ([]Invite, error) {
	rows, err := db.query(ctx, `SELECT i.id, i.note, i.created_at, COALESCE(c.email, ''), i.accepted_at, i.revoked_at
		FROM invites i LEFT JOIN users c ON c.id = i.coach_id WHERE i.lifter_id = ? ORDER BY i.id DESC`, lifterID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Invite{}
	for rows.Next() {
		var inv Invite
		var created, accepted, revoked int64
		if err := rows.Scan(&inv.ID, &inv.Note, &created, &inv.CoachEmail, &accepted, &revoked); err != nil {
			return nil, err
		}
		inv.CreatedAt = fromUnix(created)
		if accepted > 0 {
			inv.AcceptedAt = fromUnix(accepted)
		}
		if revoked > 0 {
			inv.RevokedAt = fromUnix(revoked)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// RevokeInvite ends an invite of the lifter, and with it the coach's
// access. It returns ENOTFOUND for an invite that is not the lifter's.
func (db *DB) RevokeInvite(ctx context.Context, lifterID, id int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		r, err := tx.exec(ctx, "UPDATE invites SET revoked_at = ? WHERE id = ? AND lifter_id = ? AND revoked_at = 0",
			unix(tx.now), id, lifterID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return backload.Errorf(backload.ENOTFOUND, "invite %d not found or already revoked", id)
		}
		return nil
	})
}

// AcceptInvite links the coach to the lifter of the invite with the token
// hash. It returns ENOTFOUND for an unknown or revoked invite, and
// ECONFLICT when another coach has already used it.
func (db *DB) AcceptInvite(ctx context.Context, coachID int64, tokenHash string) (lifter backload.User, err error) {
	err = db.inTx(ctx, func(tx *Tx) error {
		var id, lifterID int64
		var coach *int64
		err := tx.queryRow(ctx, "SELECT id, lifter_id, coach_id FROM invites WHERE token_hash = ? AND revoked_at = 0", tokenHash).
			Scan(&id, &lifterID, &coach)
		if err != nil {
			return notFound(err, "invite")
		}
		switch {
		case lifterID == coachID:
			return backload.Errorf(backload.EINVALID, "you cannot coach yourself")
		case coach != nil && *coach != coachID:
			return backload.Errorf(backload.ECONFLICT, "this invite has already been used by another coach")
		}
		if _, err := tx.exec(ctx, "UPDATE invites SET coach_id = ?, accepted_at = ? WHERE id = ?", coachID, unix(tx.now), id); err != nil {
			return err
		}
		lifter, err = scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", lifterID))
		return err
	})
	return lifter, err
}

// Coaches reports whether coachID may see and plan for lifterID: an invite
// from the lifter that the coach accepted and the lifter has not revoked.
func (db *DB) Coaches(ctx context.Context, coachID, lifterID int64) (bool, error) {
	var n int
	err := db.queryRow(ctx, "SELECT COUNT(*) FROM invites WHERE coach_id = ? AND lifter_id = ? AND revoked_at = 0",
		coachID, lifterID).Scan(&n)
	return n > 0, err
}

// Lifters lists the lifters who invited the coach and have not revoked it.
func (db *DB) Lifters(ctx context.Context, coachID int64) ([]backload.User, error) {
	rows, err := db.query(ctx, `SELECT DISTINCT `+userColumnsU+`
		FROM invites i JOIN users u ON u.id = i.lifter_id WHERE i.coach_id = ? AND i.revoked_at = 0 ORDER BY u.email`, coachID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []backload.User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
