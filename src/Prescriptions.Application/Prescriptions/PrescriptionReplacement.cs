using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Prescriptions;

namespace Prescriptions.Application.Prescriptions;

/// <summary>A PUT's parsed content: the therapist's items and doses, the schedule, the contact, and new limits (null: keep them).</summary>
public sealed record PrescriptionReplacement(IReadOnlyList<ProposedItem> Items, PatientConstraints? Constraints, DateOnly? StartDate, int? Weeks, FollowUp? FollowUp);
