namespace Prescriptions.Application.FollowUps;

/// <summary>
/// An email to a patient: plain-text and HTML parts with the same words, and a stable id that becomes the
/// Message-ID, so a message sent twice after a crash is recognisably the same one.
/// </summary>
public sealed record EmailMessage(string Id, string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>The opt-out address, sent as List-Unsubscribe with one-click (RFC 8058) so mail apps offer it too.</summary>
    public Uri? UnsubscribeUrl { get; init; }

    /// <summary>The language the email is written in (sent as Content-Language); null for English-only staff emails.</summary>
    public string? Language { get; init; }
}
