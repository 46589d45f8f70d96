@keyboard @slow
Feature: Following the guide with the keyboard only
  A reader who does not use a mouse (a keyboard, a switch, a screen reader) follows the same instructions: every
  control the guide tells them to click is reached with Tab from the start of its page and operated with Enter or
  Space, with the same result as a click. A control the focus never reaches, or one that does nothing on Enter (a
  menu that opens only under a mouse), is a drift of that instruction: the reader cannot follow it.

  @guide:sign-in.2 @guide:sign-in.3 @guide:sign-in.4 @guide:profile.2 @guide:account.1 @guide:account.2
  @guide:account.6 @guide:password.2 @guide:password.3 @guide:password.4 @guide:password.5 @guide:phone.1
  @guide:phone.2 @guide:phone.3 @guide:phone.4 @guide:phone.5
  Scenario: The guide's main path, by keyboard only
    Given I have an account with the profiles "Alex, Sam"
    When I go to the website
    And I press Enter on the button located in the right-upper corner
    Then the sign in page opens
    When I type my email address and password, each field reached with Tab
    And I press Enter on the "Sign in" button
    Then I am asked to choose one of the profiles
    When I press Enter on the profile "Alex"
    And I press Enter on the profile name in the right-upper corner
    And I press Enter on "Your Account" in the pop-up menu
    Then I access the settings of my account
    When I press Enter on the "Change Password" text button
    And I change my password to "fresh-pass-42" by keyboard, placing the tick near "Require all devices…" with Space
    Then I see a confirmation that my password has been updated
    And my new password works
    When I press Enter on the "Add phone number" button in "MEMBERSHIP & BILLING"
    And I add the phone number "+1 213 555 0123" by keyboard, placing the tick for text messages with Space
    Then the "MEMBERSHIP & BILLING" section shows my phone number as "+1 21• ••• ••23"
    And the "MEMBERSHIP & BILLING" section shows my choice "Text messages: On"
