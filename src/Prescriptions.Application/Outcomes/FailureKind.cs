namespace Prescriptions.Application.Outcomes;

/// <summary>Why a use case did not do what was asked; the HTTP layer maps each kind to one RFC 9457 problem.</summary>
public enum FailureKind
{
    /// <summary>The thing named does not exist (or belongs to a clinic the caller does not act for).</summary>
    NotFound,

    /// <summary>It existed but is no longer in use (an expired link, an ended programme).</summary>
    Gone,

    /// <summary>The request conflicts with the current state (an illegal transition, the last phase, a raced write).</summary>
    Conflict,

    /// <summary>The caller named a version that is no longer the stored one.</summary>
    StaleVersion,

    /// <summary>The request is malformed: field errors keyed by JSON path.</summary>
    Validation,

    /// <summary>The request is well formed but breaks a clinical (or idempotency) rule.</summary>
    RuleViolation,

    /// <summary>Something the use case needs (storage, the published library) cannot be reached now.</summary>
    Unavailable,
}
