namespace Prescriptions.Domain.Library;

/// <summary>
/// The vocabulary of precaution tags. A phase or a patient carries tags; an exercise lists, as
/// contraindications, the tags under which it must not be given.
/// </summary>
public static class PrecautionTags
{
    /// <summary>Needs a support surface or supervision: no unsupported single-leg or eyes-closed standing.</summary>
    public const string FallRisk = "fallRisk";

    /// <summary>No jumping, hopping, running or other impact.</summary>
    public const string NoImpact = "noImpact";

    /// <summary>Osteoporosis: no loaded spinal flexion or twisting.</summary>
    public const string Osteoporosis = "osteoporosis";

    /// <summary>Blood pressure response: no Valsalva, no heavy or long isometrics.</summary>
    public const string BloodPressure = "bloodPressure";

    /// <summary>A healing post-operative wound: no aquatic work.</summary>
    public const string PostOpWound = "postOpWound";

    /// <summary>No end-range stretch of a healing repair.</summary>
    public const string NoEndRangeStretch = "noEndRangeStretch";

    /// <summary>No resisted open-chain knee extension in any arc (the first weeks after ACL reconstruction).</summary>
    public const string NoOpenChainKneeExtension = "noOpenChainKneeExtension";

    /// <summary>Posterior hip precautions: no flexion past 90 degrees, no adduction past midline, no internal rotation.</summary>
    public const string PosteriorHipPrecautions = "posteriorHipPrecautions";

    /// <summary>No resisted use of a healing tendon repair.</summary>
    public const string NoResistedRepair = "noResistedRepair";

    /// <summary>No lying flat on the back for long (reflux, late pregnancy, breathlessness).</summary>
    public const string NoSupine = "noSupine";

    /// <summary>
    /// No open-chain knee extension through the last 45 degrees (45-0), the arc that strains an ACL graft most;
    /// the 90-45 degree arc is allowed from about week 4, the full arc from about week 12 (UD / MOON).
    /// </summary>
    public const string NoTerminalArcKneeExtension = "noTerminalArcKneeExtension";

    /// <summary>No cutting, pivoting, lateral hops or single-leg lateral plyometrics (an ACL graft before about 6 months).</summary>
    public const string NoCutting = "noCutting";

    /// <summary>No resisted internal rotation of the shoulder (a subscapularis repair).</summary>
    public const string NoResistedInternalRotation = "noResistedInternalRotation";

    /// <summary>No pressing or lifting a load overhead (a rotator cuff repair before about week 16).</summary>
    public const string NoOverheadLoading = "noOverheadLoading";

    /// <summary>Anterior-approach hip precautions: no hip extension past neutral combined with outward turning, no bridging into extension.</summary>
    public const string AnteriorHipPrecautions = "anteriorHipPrecautions";

    /// <summary>No loaded work through a healing hamstring donor site (hamstring-graft ACL reconstruction).</summary>
    public const string NoResistedHamstrings = "noResistedHamstrings";

    /// <summary>Tags that protect the person rather than a healing tissue: they end by a measured criterion, never by phase number.</summary>
    public static IReadOnlySet<string> ProtectThePerson { get; } = new HashSet<string>(StringComparer.Ordinal) { FallRisk, Osteoporosis, BloodPressure };

    private static readonly IReadOnlyDictionary<string, string> Wording = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FallRisk] = "fall risk",
        [NoImpact] = "no impact",
        [Osteoporosis] = "osteoporosis",
        [BloodPressure] = "blood-pressure response",
        [PostOpWound] = "healing wound",
        [NoEndRangeStretch] = "no end-range stretch",
        [NoOpenChainKneeExtension] = "no open-chain knee straightening",
        [PosteriorHipPrecautions] = "posterior hip precautions",
        [NoResistedRepair] = "no resisted use of the repair",
        [NoSupine] = "no lying flat on the back",
        [NoTerminalArcKneeExtension] = "no knee straightening through the last 45 degrees",
        [NoCutting] = "no cutting, pivoting or lateral hops",
        [NoResistedInternalRotation] = "no resisted inward turning of the shoulder",
        [NoOverheadLoading] = "no load overhead",
        [AnteriorHipPrecautions] = "anterior hip precautions",
        [NoResistedHamstrings] = "no resisted hamstring work",
    };

    /// <summary>A tag in a therapist's words ("no cutting, pivoting or lateral hops"); an unknown tag as it is.</summary>
    public static string Words(string tag) => Wording.GetValueOrDefault(tag, tag);

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        FallRisk, NoImpact, Osteoporosis, BloodPressure, PostOpWound, NoEndRangeStretch,
        NoOpenChainKneeExtension, PosteriorHipPrecautions, NoResistedRepair, NoSupine,
        NoTerminalArcKneeExtension, NoCutting, NoResistedInternalRotation, NoOverheadLoading, AnteriorHipPrecautions, NoResistedHamstrings,
    };
}
