// Package auth holds Backload's credentials primitives: argon2id password
// hashes and random tokens that are stored only as hashes.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost settings. Default follows the OWASP minimum
// for argon2id: 19 MiB of memory, two passes, one lane.
type Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// Default is the cost used for new hashes.
var Default = Params{MemoryKiB: 19 * 1024, Time: 2, Threads: 1}

const (
	saltLen = 16
	keyLen  = 32
)

// MinPasswordLen is the shortest password accepted. Length is what makes a
// password strong; no composition rules (NIST SP 800-63B).
const MinPasswordLen = 10

// MaxPasswordLen bounds the work one request can ask argon2 to do.
const MaxPasswordLen = 256

// ErrMismatch is returned when a password does not match its hash.
var ErrMismatch = errors.New("auth: password does not match")

// Hash returns the PHC-style argon2id hash of password with a fresh salt.
func Hash(password string, p Params) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Check compares password with a hash made by Hash, in constant time. It
// returns ErrMismatch when they differ and another error for a malformed
// hash.
func Check(password, hash string) error {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return errors.New("auth: not an argon2id hash")
	}
	var version int
	var p Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return errors.New("auth: unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return errors.New("auth: malformed argon2 parameters")
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return errors.New("auth: malformed argon2 hash")
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrMismatch
	}
	return nil
}

// dummyHash is compared against when the account does not exist, so that a
// log-in for an unknown email takes as long as one for a known email.
var dummyHash, _ = Hash("not a real password, only for timing", Default)

// CheckDummy spends the time of one Check and always fails.
func CheckDummy(password string) error {
	Check(password, dummyHash)
	return ErrMismatch
}

// NewToken returns a random token for a session cookie or an API key, with
// a prefix saying what it is, and the hash under which to store it. The
// token itself is never stored.
func NewToken(prefix string) (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token), nil
}

// HashToken is the stored form of a token. Tokens carry 256 random bits, so
// a fast hash is enough: there is nothing to guess.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
