using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>
/// The body of PUT /api/prescriptions/{id}: the representation GET answers, so a client can round-trip it. The
/// editable members (items, clinicItems, constraints, startDate, weeks, followUp) replace the stored ones; every
/// other member of the representation is read-only and lands in <see cref="OtherMembers"/>, where
/// <see cref="ReadOnlyMemberValidator"/> accepts it only when it equals the stored value.
/// </summary>
public sealed record ReplacePrescriptionBody
{
    public IReadOnlyList<ReplaceItemBody>? Items { get; init; }

    /// <summary>The clinic-delivered items as GET shows them; a PUT re-checks them with the home items.</summary>
    public IReadOnlyList<ReplaceItemBody>? ClinicItems { get; init; }
    public ConstraintsBody? Constraints { get; init; }
    public DateOnly? StartDate { get; init; }
    public int? Weeks { get; init; }
    public ReplaceFollowUpBody? FollowUp { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherMembers { get; init; }
}
