@security @slow
Feature: Sessions and forms keep their security promises
  The guide trusts that signing in, "Require all devices to sign in again with new password" and the account
  password guard the account. The site keeps its session in a cookie scripts cannot read and other sites do not
  send, accepts changes only from its own forms (anti-CSRF token), and lets no signed-out device back in.

  @asvs:3.4.2 @asvs:3.4.3 @asvs:7.2.4 @guide:sign-in.4
  Scenario: The session cookie is HttpOnly and SameSite=Lax
    Given I have an account with the profiles "Alex, Sam"
    And I have signed in
    Then the cookies my browser got by signing in are HttpOnly and SameSite "Lax" or stricter
    And the page's scripts cannot read them

  @asvs:3.5.1 @asvs:4.2.2 @guide:phone.3 @guide:phone.5
  Scenario: A request to save a phone number that did not come from the site's form changes nothing
    Given I have an account with the profiles "Alex, Sam"
    And I have signed in
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    And I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
    And I enter the phone number "+1 213 555 0123" in the first field
    And I type my password in the second field
    When another site makes my browser send what the "Save" button of the phone number page sends, without the form's token
    Then the site refuses to save the phone number
    And no phone number was saved

  @asvs:3.5.1 @asvs:4.2.2 @guide:password.2 @guide:password.5
  Scenario: A request to change the password that did not come from the site's form changes nothing
    Given I have an account with the profiles "Alex, Sam"
    And I have signed in on device B
    And I have signed in on device A
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    And I click on the "Change Password" text button
    And I enter "{my password}" in the first field
    And I enter "fresh-pass-42" and "fresh-pass-42" in the next two fields
    And I place a tick near "Require all devices…"
    When another site makes my browser send what the "Save" button of the password page sends, without the form's token
    Then the site refuses to change the password
    And device A and device B keep the sessions they had
    And my old password still works

  @asvs:7.4.3 @asvs:3.3.3 @guide:password.2 @guide:password.4
  Scenario: A device signed out by a password change cannot get back in with the Back button
    Given I have an account with the profiles "Alex, Sam"
    And I have signed in on device B
    And I have clicked on the profile "Sam"
    And I have opened "Your Account" from the pop-up menu
    And on device B I have gone on to another page
    And I have signed in on device A
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    When I have changed my password to "fresh-pass-42" from the "Change Password" text button, with a tick near "Require all devices…"
    Then on device B the Back button shows the sign in page
    And the sign in page says why: the password was changed

  @asvs:7.5.1 @guide:phone.3 @guide:phone.5
  Scenario Outline: The phone number cannot be changed without the account password (<situation>)
    Given I have an account with the profiles "Alex, Sam" and the phone number "+12135550123" with text messages "Off"
    And I have signed in
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    When I click on the "Change phone number" button in "MEMBERSHIP & BILLING"
    And I enter the phone number "+1 213 555 0199" in the first field
    And I type the password "<password>" in the second field
    And I click on the "Save" button of the phone number page
    Then the second field says "<message>"
    And the site keeps my phone number as "+12135550123" with text messages "Off"

    Examples:
      | situation      | password         | message                               |
      | no password    |                  | Please enter your password.           |
      | wrong password | wrong-password-1 | Incorrect password. Please try again. |

  # The guide's phone form asks for the account password: it must not become a way to guess it.
  @asvs:2.2.1 @guide:phone.3 @guide:phone.5
  Scenario: Guessing the password in the phone form stops after 5 wrong passwords, even for the right one
    Given I have an account with the profiles "Alex, Sam"
    And I have signed in
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
    And I try to save the phone number "+1 213 555 0123" with 5 wrong passwords
    And I enter the phone number "+1 213 555 0123" in the first field
    And I type my password in the second field
    And I click on the "Save" button of the phone number page
    Then the page says "Too many incorrect passwords. For your security, please wait 15 minutes and try again."
    And no phone number was saved
