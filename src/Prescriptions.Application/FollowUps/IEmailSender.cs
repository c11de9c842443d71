

namespace Prescriptions.Application.FollowUps;

/// <summary>Sends email (SMTP in every environment: Azure Communication Services' relay, any provider, maildev locally).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
