package backload

import "time"

// Role says what an account may do. A coach sees and plans for the lifters
// who invited them, and nothing of anyone else.
type Role string

// The roles.
const (
	Lifter Role = "lifter"
	Coach  Role = "coach"
)

// User is an account. Every stored row belongs to one.
type User struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	Role  Role   `json:"role"`
	// Units are the units the lifter reads and enters weights in.
	Units Unit `json:"units"`
	// PlateStep is the smallest weight change the lifter can load, in Units;
	// 0 means the policy default for the units.
	PlateStep float64 `json:"plate_step"`
	// TimeZone is an IANA zone name; dates such as a check-in's day and
	// times an app exported without a zone are read in it.
	TimeZone  string    `json:"time_zone"`
	CreatedAt time.Time `json:"created_at"`
	// Version changes with every write to the user's log, check-ins or
	// settings, so results computed from them can be cached under it.
	Version int64 `json:"-"`
}

// Location returns the user's time zone, UTC when it is unknown.
func (u User) Location() *time.Location {
	if loc, err := time.LoadLocation(u.TimeZone); err == nil && u.TimeZone != "" {
		return loc
	}
	return time.UTC
}
