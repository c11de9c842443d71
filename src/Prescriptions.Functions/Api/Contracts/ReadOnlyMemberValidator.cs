using System.Text.Json;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Serialization;

namespace Prescriptions.Functions.Api.Contracts;

/// <summary>
/// The read-only members of a round-tripped PUT (what GET shows that PUT does not set): ignored when they equal the
/// stored value, a 400 naming each one that would change, and "is not a known field" for anything GET never shows.
/// An item's library members are compared with the stored item of the same exercise; a new exercise has none stored,
/// so they are ignored there (the library sets them).
/// </summary>
public static class ReadOnlyMemberValidator
{
    private static readonly Dictionary<Type, Dictionary<string, string>> MemberNames = new()
    {
        [typeof(Prescription)] = NamesOf(typeof(Prescription)),
        [typeof(PrescriptionItem)] = NamesOf(typeof(PrescriptionItem)),
        [typeof(FollowUp)] = NamesOf(typeof(FollowUp)),
    };

    public static void Check(ReplacePrescriptionBody body, Prescription stored, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(errors);
        CheckMembers(body.OtherMembers, typeof(Prescription), Serialize(stored), string.Empty, errors);
        var storedItems = stored.Items.Concat(stored.ClinicItems)
            .GroupBy(i => i.ExerciseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Serialize(g.First()), StringComparer.Ordinal);
        CheckItems(body.Items, "items", storedItems, errors);
        CheckItems(body.ClinicItems, "clinicItems", storedItems, errors);
        if (body.FollowUp is { } followUp)
        {
            CheckMembers(followUp.OtherMembers, typeof(FollowUp), stored.FollowUp is null ? null : Serialize(stored.FollowUp), "followUp.", errors);
        }
    }

    private static void CheckItems(IReadOnlyList<ReplaceItemBody>? items, string field, Dictionary<string, JsonElement> storedItems, ValidationErrors errors)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
            {
                var stored = item.ExerciseId is not null && storedItems.TryGetValue(item.ExerciseId, out var found) ? found : (JsonElement?)null;
                CheckMembers(item.OtherMembers, typeof(PrescriptionItem), stored, $"{field}[{i}].", errors, ignoreUnstored: stored is null);
            }
        }
    }

    private static void CheckMembers(Dictionary<string, JsonElement>? members, Type type, JsonElement? stored, string prefix, ValidationErrors errors, bool ignoreUnstored = false)
    {
        foreach (var (given, value) in members ?? [])
        {
            if (!MemberNames[type].TryGetValue(given, out var name))
            {
                errors.Add(prefix + given, "is not a known field");
            }
            else if (!ignoreUnstored && !Same(value, stored is { } s && s.TryGetProperty(name, out var current) ? current : null))
            {
                errors.Add(prefix + name, Reason(prefix, name));
            }
        }
    }

    /// <summary>Equal to the stored value; an absent stored value (left out of GET) equals null.</summary>
    private static bool Same(JsonElement given, JsonElement? stored) =>
        stored is { } current ? JsonElement.DeepEquals(given, current) : given.ValueKind == JsonValueKind.Null;

    private static string Reason(string prefix, string name) => (prefix, name) switch
    {
        ("", "status") => "is read-only: use the activate, complete or cancel routes",
        ("", "phase") => "is read-only: use the advance route to move to the next phase",
        ("", "version") => "is read-only: send the version you read as the If-Match ETag",
        ("", "clinicId" or "patientId" or "conditionId" or "side") => "is read-only: create a new prescription for another patient, clinic, condition or side",
        ("followUp.", "optedOutAt") => "is read-only: only the patient opts out, by the link in an email",
        ("", _) => "is read-only: PUT cannot change it; send the value you read or leave it out",
        _ => "is read-only: it comes from the exercise library and the engine; send the value you read or leave it out",
    };

    private static JsonElement Serialize<T>(T value) => JsonSerializer.SerializeToElement(value, DomainJson.Options);

    /// <summary>The JSON member names of a type as the API writes them, found whatever the case the client used.</summary>
    private static Dictionary<string, string> NamesOf(Type type) =>
        DomainJson.Options.GetTypeInfo(type).Properties.ToDictionary(p => p.Name, p => p.Name, StringComparer.OrdinalIgnoreCase);
}
