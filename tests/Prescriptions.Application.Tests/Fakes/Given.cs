using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;
using Prescriptions.Domain.Lifecycle;
using Prescriptions.Domain.Prescriptions;
using Prescriptions.Domain.Tenancy;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The callers and requests the use-case tests start from.</summary>
internal static class Given
{
    public static readonly Actor Therapist = new("therapist-1", CallerKind.User, "portal", "corr-1");

    public static readonly string[] ClinicA = ["clinic-a"];

    public static readonly FollowUp Contact = new("pat@example.com", "Europe/Oslo", new TimeOnly(8, 0), 7) { FirstName = "Kari" };

    /// <summary>A draft for a left lateral ankle sprain in phase 2, partial weight bearing, at most 20 minutes.</summary>
    public static PrescriptionDraft AnkleDraft(FollowUp? followUp = null) =>
        new("clinic-a", "p-1", new AssemblyRequest("lateral-ankle-sprain", 2, Side.Left, new PatientConstraints { WeightBearing = WeightBearing.Partial, MaxMinutesPerSession = 20 }))
        {
            FollowUp = followUp,
        };
}
