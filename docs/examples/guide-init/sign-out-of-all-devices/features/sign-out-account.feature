# Drafted by npm run guide:init from guides/sign-out-of-all-devices/sign-out-of-all-devices.md.
# Finish it by hand: guide:init never writes over it.
Feature: Account
  From the guide "How to Sign Out of Netflix on Every Device at Once":
  "Hover over or click your profile name in the top-right corner and choose “Your Account” from the menu."
  "Scroll down to the “SETTINGS” section of the account page."
  "Click the “Sign out of all devices” link."

  @guide:sign-out-account.1
  Scenario: Hover over or click your profile name in the top-right corner and choose "Your Account"…
    When I hover over or click my profile name in the top-right corner
    And I choose "Your Account" from the menu

  @guide:sign-out-account.2
  Scenario: Scroll down to the "SETTINGS" section of the account page
    When I scroll down to the "SETTINGS" section of the account page

  @guide:sign-out-account.3
  Scenario: Click the "Sign out of all devices" link
    When I click the "Sign out of all devices" link
