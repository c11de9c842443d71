using Prescriptions.Domain.FollowUps;
using Prescriptions.Domain.Lifecycle;

namespace Prescriptions.Application.FollowUps;

/// <summary>The answer of <c>GET /api/prescriptions/{id}/checkins</c>.</summary>
public sealed record CheckInSummary(string PrescriptionId, IReadOnlyList<CheckIn> CheckIns, AdherenceReport Adherence, IReadOnlyList<Alert> Alerts);
