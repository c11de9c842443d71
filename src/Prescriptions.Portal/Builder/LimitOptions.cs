namespace Prescriptions.Portal.Builder;

/// <summary>The values the API's limits take (openapi.json's enums), in the order a therapist reads them.</summary>
public static class LimitOptions
{
    public static readonly string[] WeightBearing = ["none", "toeTouch", "partial", "asTolerated", "full"];

    public static readonly string[] Sides = ["left", "right", "both", "eachSide"];

    public static readonly string[] Equipment =
    [
        "chair", "wall", "mat", "towel", "band", "dumbbell", "ankleWeight", "kettlebell", "ball", "foamPad", "balanceBoard",
        "step", "bench", "table", "stick", "cone", "putty", "pulley", "stationaryBike", "treadmill",
    ];

    public static readonly string[] PrecautionTags =
    [
        "anteriorHipPrecautions", "bloodPressure", "fallRisk", "noCutting", "noEndRangeStretch", "noImpact", "noOpenChainKneeExtension",
        "noOverheadLoading", "noResistedHamstrings", "noResistedInternalRotation", "noResistedRepair", "noSupine",
        "noTerminalArcKneeExtension", "osteoporosis", "postOpWound", "posteriorHipPrecautions",
    ];

    public static readonly string[] Joints = ["ankle", "knee", "hip", "lumbarSpine", "thoracicSpine", "cervicalSpine", "shoulder", "elbow", "wrist", "fingers", "thumb"];

    public static readonly string[] Motions =
    [
        "flexion", "extension", "abduction", "adduction", "internalRotation", "externalRotation", "rotation", "lateralFlexion",
        "dorsiflexion", "plantarflexion", "inversion", "eversion", "pronation", "supination", "radialDeviation", "ulnarDeviation",
    ];

    public static readonly string[] MotionModes = ["passive", "activeAssisted", "active", "resisted"];
}
