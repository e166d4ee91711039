package report

import (
	"time"

	"github.com/backload/backload"
)

// PhysioInput is what the physiotherapist report is built from: plain
// values from the store, so the web page and the command line make the
// same report.
type PhysioInput struct {
	// Email says whose report it is.
	Email string
	Range Range
	// Today is the lifter's date when the report is made. "Now" in the
	// report is the range's last day, or today when the range runs on.
	Today time.Time
	// Unit is the unit weights are shown in.
	Unit backload.Unit
	// Rows and CheckIns should start PhysioLookback(p) days before
	// Range.From: a flare under way when the range begins, its pre-flare
	// weights and the 7-day averages all reach back. Rows should run to
	// the Sunday of Range.To's week, since weeks are shown whole.
	Rows     []ExerciseRow
	CheckIns []backload.DailyCheckIn
	// Notes are the lifter's notes on sessions and exercises; check-in
	// notes come from CheckIns. Notes outside the range are left out. Only
	// the latest PhysioMaxNotes can show, so a caller may stop reading
	// older sessions once it has that many, and set MoreNotes when it did.
	Notes     []Note
	MoreNotes bool
	// Plan is the return ramp running today, its weights in PlanUnit, or
	// nil when none runs (or the range ends before today).
	Plan     *backload.RampResponse
	PlanUnit backload.Unit
}

// Note is one note the lifter wrote.
type Note struct {
	// Day is the local date, at midnight UTC.
	Day time.Time
	// About says what the note is on: "Check-in", a session's title, or an
	// exercise within one.
	About string
	Text  string
}

// PhysioLookback is how many days before a report's first day its rows and
// check-ins should reach: a flare is remembered p.FlareMemory days, and its
// pre-flare working weights come from the p.PreFlareLookback days before
// it began.
func PhysioLookback(p backload.Policy) int { return p.FlareMemory + p.PreFlareLookback }

// The report's limits, which keep it to two A4 pages whatever the range.
const (
	// physioTableRows is the most rows of the weekly table; a longer range
	// shows blocks of weeks, as the charts do.
	physioTableRows = 13
	// physioFlaresShown is how many flare-ups are told in detail, the
	// latest.
	physioFlaresShown = 2
	// physioMainLifts is how many key lifts are compared.
	physioMainLifts = 4
	// PhysioMaxNotes is how many notes are shown, the latest, as long as
	// they fit in physioNotesRunes in all; physioNoteRunes is the longest a
	// note is shown.
	PhysioMaxNotes   = 12
	physioNotesRunes = 1500
	physioNoteRunes  = 200
)

// PhysioReport is the content of the one- or two-page report for a
// physiotherapist. Weights are in kg; the template shows them in Unit.
type PhysioReport struct {
	Email string
	Range Range
	// Now is the last day the report speaks for: Range.To, or Today when
	// the range runs past it.
	Now, Today time.Time
	Unit       backload.Unit

	Pain PainSummary
	// MeanPain is the mean pain of the range's check-ins (NaN without
	// any); PeakPain the highest, first reached on PeakDay.
	MeanPain float64
	PeakPain int
	PeakDay  time.Time
	Days     int // calendar days in the range

	// Flares are the flare-ups under way in the range, the latest
	// physioFlaresShown in detail; EarlierFlares the ones before them,
	// listed by date only.
	Flares, EarlierFlares []FlareEpisode
	// SettleDays is how many check-ins in a row without a red day settle
	// a flare (p.ReturnSettledDays).
	SettleDays int

	// Weeks is the weekly table, in blocks of WeeksPerRow weeks.
	Weeks       []WeekBlock
	WeeksPerRow int
	SpinalChart Chart // spinal load bars and the pain line
	VolumeChart Chart
	// Spike is the prompt to check the ramp after a quick rise in spinal
	// load; empty Message when there was none.
	Spike SpikeWarning

	// Lifts compares the key lifts between two windows, named by
	// BeforeLabel and NowLabel.
	Lifts                 []FlareComparison
	BeforeLabel, NowLabel string
	E1RMChart             Chart
	CoreChart             Chart

	// RedFlags are the red flags reported in the range, urgent ones first,
	// each with the days it was reported; Pain.RedFlagDays counts the days.
	RedFlags []RedFlagReport
	// Notes are the latest notes, oldest first; NotesCut is true when
	// earlier ones were left out, or may have been.
	Notes    []Note
	NotesCut bool
	// Adherence is the running return plan, planned against done; nil
	// when none runs.
	Adherence []AdherenceWeek
}

// WeekBlock is one row of the weekly table: one week, or the mean of a
// block of weeks over a long range.
type WeekBlock struct {
	Start, End time.Time // the first Monday and the last Sunday
	// SpinalLoadKg and VolumeKg are per week (the mean over the block).
	SpinalLoadKg, VolumeKg float64
	// Pain is the mean pain of the block's check-ins, NaN without any.
	Pain     float64
	CheckIns int
}

// RedFlagReport is one red flag and the days it was reported.
type RedFlagReport struct {
	Flag backload.RedFlag
	Days []time.Time
}

// BuildPhysioReport works out the physiotherapist report from in under
// policy p. It is pure: the same input gives the same report.
func BuildPhysioReport(in PhysioInput, p backload.Policy) PhysioReport {
	r := in.Range
	now := r.To
	if !in.Today.IsZero() && dayOf(in.Today) < dayOf(now) {
		now = in.Today
	}
	rows := sortedRows(in.Rows)
	from, to, _ := r.days()
	rep := PhysioReport{Email: in.Email, Range: r, Now: now, Today: in.Today, Unit: unitOf(in.Unit), Days: max(to-from+1, 0)}
	opts := func(id string) Options { return Options{Unit: in.Unit, ID: "physio-" + id} }

	pain := DailyPain(in.CheckIns, r, p)
	rep.Pain = SummarizePain(pain)
	rep.MeanPain, rep.PeakPain, rep.PeakDay = painStats(pain)
	rep.RedFlags = redFlags(pain)
	rep.Flares = flareEpisodes(in.CheckIns, rows, r, now, p)
	if n := len(rep.Flares) - physioFlaresShown; n > 0 {
		rep.EarlierFlares, rep.Flares = rep.Flares[:n], rep.Flares[n:]
	}
	rep.SettleDays = p.ReturnSettledDays

	weeks := Weekly(rows, r)
	rep.Weeks, rep.WeeksPerRow = weekBlocks(weeks, pain)
	rep.SpinalChart = SpinalLoadChart(weeks, pain, opts("spinal"))
	rep.VolumeChart = VolumeChart(weeks, opts("volume"))
	rep.Spike = Spikes(rows, r, p)

	lifts := MainLifts(rowsWithin(rows, r), physioMainLifts)
	rep.E1RMChart = E1RMChart(E1RM(rows, lifts, r), r, opts("e1rm"))
	rep.Lifts, rep.BeforeLabel, rep.NowLabel = keyLifts(rows, lifts, rep.Flares, r, now, p)
	rep.CoreChart = CoreChart(Core(rows, r, p), opts("core"))

	var left int
	rep.Notes, left = notesIn(in.CheckIns, in.Notes, r)
	rep.NotesCut = left > 0 || in.MoreNotes
	if in.Plan != nil {
		// A plan from the domain always has dated weeks; one without cannot
		// be matched to the log, and the report is still worth having.
		if adh, err := Adherence(*in.Plan, in.PlanUnit, rows, in.Today); err == nil {
			rep.Adherence = adh
		}
	}
	return rep
}
