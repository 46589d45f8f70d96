# A site of plain HTML forms cannot keep the person on the page when saving fails: its site profile says so
# (capabilities.scriptedForms: false) and these scenarios are skipped there with that reason.
@faults @slow @needs:scripted-forms
Feature: When saving fails, nothing is lost and the person can try again
  Every change in the guide ends with "Click on the “Save” button". When the site fails to answer that click, the
  page must say that nothing was changed and offer to try again, the account must be exactly what it was, and a
  hurried double-click must never send the change twice. The faults are injected between this device's browser and
  the site (MSW handlers on its browser context), so other scenarios meet the site as it is.

  Background:
    Given I have an account with the profiles "Alex, Sam" and the phone number "+12135550123" with text messages "Off"
    And I have signed in
    And I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu

  @guide:phone.5
  Scenario Outline: Saving a phone number meets <fault>: nothing was changed, and trying again saves it
    Given this device's next request to save meets "<fault>"
    When I click on the "Change phone number" button in "MEMBERSHIP & BILLING"
    And I enter the phone number "+1 213 555 0199" in the first field
    And I type my password in the second field
    And I click on the "Save" button of the phone number page
    Then the phone number page says "<message>" and offers to try again
    And the site keeps my phone number as "+12135550123" with text messages "Off"
    When I click on "Try again"
    Then I am back in the settings of my account
    And the site keeps my phone number as "+12135550199" with text messages "Off"

    Examples:
      | fault                | message                                                                                  |
      | a server error       | Nothing was changed. The site could not save this just now. Please try again.            |
      | a dropped connection | Nothing was changed. The site could not be reached. Check your connection and try again. |

  @guide:password.5
  Scenario Outline: Saving a new password meets <fault>: the old one still works, and trying again changes it
    Given this device's next request to save meets "<fault>"
    When I click on the "Change Password" text button
    And I enter "{my password}" in the first field
    And I enter "fresh-pass-42" and "fresh-pass-42" in the next two fields
    And I click on the "Save" button to save my new password
    Then the password page says "<message>" and offers to try again
    And my old password still works
    When I click on "Try again"
    Then I see a confirmation that my password has been updated
    And my new password works

    Examples:
      | fault                | message                                                                                  |
      | a server error       | Nothing was changed. The site could not save this just now. Please try again.            |
      | a dropped connection | Nothing was changed. The site could not be reached. Check your connection and try again. |

  @guide:phone.5
  Scenario: A double-click on "Save" while the site is slow sends the phone number once
    Given the site answers this device slowly
    When I click on the "Change phone number" button in "MEMBERSHIP & BILLING"
    And I enter the phone number "+1 213 555 0199" in the first field
    And I type my password in the second field
    And I double-click on the "Save" button of the phone number page
    Then I am back in the settings of my account
    And this device sent the phone number once
    And the site keeps my phone number as "+12135550199" with text messages "Off"

  @guide:password.5
  Scenario: A double-click on "Save" while the site is slow changes the password once
    Given the site answers this device slowly
    When I click on the "Change Password" text button
    And I enter "{my password}" in the first field
    And I enter "fresh-pass-42" and "fresh-pass-42" in the next two fields
    And I double-click on the "Save" button to save my new password
    Then I see a confirmation that my password has been updated
    And this device sent the new password once
    And my new password works
