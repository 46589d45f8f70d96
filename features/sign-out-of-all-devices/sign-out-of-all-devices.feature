# @slow (Playwright's limit × 3): two browsers, and a site that never signs the other device out is told apart from
# one that does it late by waiting 40 s past the site profile's allowance; on a loaded 2-core machine the guide's
# path alone has taken 45 s.
@sign-out-of-all-devices @slow
Feature: Sign out of every device at once, and stay signed in here
  From the guide "How to Sign Out of Netflix on Every Device at Once":
  "1. Open the Netflix website and click the “Sign In” button in the top-right corner.
  2. Type your email address and password, then click “Sign in”.
  3. Pick any profile on the “Who's watching?” screen.
  4. Hover over or click your profile name in the top-right corner and choose “Your Account” from the menu.
  5. Scroll down to the “SETTINGS” section of the account page.
  6. Click the “Sign out of all devices” link.
  7. On the next page, Netflix explains what will happen. Click the “Sign Out” button to confirm.
  8. You stay signed in on the browser you are using, and you are taken back to your account page with a message
  that the other devices will be signed out."

  Device A follows the guide; device B is another browser signed in to the same account beforehand. The service
  allows itself up to 8 hours to sign the other devices out; the harness waits as long as the site profile says
  (otherDevicesSignedOutWithinSeconds: the bundled mock signs them out at once).

  Background:
    Given I have an account with the profiles "Alex, Sam"
    And I have signed in on device B

  @guide:sign-out-sign-in.1 @guide:sign-out-sign-in.2 @guide:sign-out-sign-in.3 @guide:sign-out-account.1
  @guide:sign-out-account.2 @guide:sign-out-account.3 @guide:sign-out.1 @guide:sign-out.2
  @guide:sign-out.3 @guide-path
  Scenario: "Sign Out" signs my other device out and keeps me signed in on this browser
    When I open the website and click the "Sign In" button in the top-right corner
    And I type my email address and password, then click "Sign in"
    And I pick the profile "Sam" on the "Who's watching?" screen
    And I hover over or click my profile name in the top-right corner and choose "Your Account" from the menu
    And I scroll down to the "SETTINGS" section of the account page
    And I click the "Sign out of all devices" link
    Then the next page explains what will happen and asks me to click "Sign Out"
    When I click the "Sign Out" button to confirm
    Then I stay signed in on the browser I am using
    And I am taken back to my account page with a message that the other devices will be signed out
    And the site has signed out every other device, and this one has a new session
    And on device B the next page load asks me to sign in again

  @guide:sign-out.1
  Scenario: The page after the link changes nothing until "Sign Out" is clicked, and offers a way back
    Given I have signed in on device A
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    When I click the "Sign out of all devices" link
    Then the next page explains what will happen and asks me to click "Sign Out"
    And no device has been signed out yet
    When I go back to my account page without confirming
    Then no device has been signed out yet
